"""The read API and web page (`newswatch api`): FastAPI routes in app.py, response models in
schemas.py, server-rendered pages in pages.py with templates/ and static/."""

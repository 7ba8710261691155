"""newswatch: watch news feeds for trafficking reports and official rebuttals."""

__version__ = "0.1.0"

"""Prefect deployments of newswatch: prefect.yaml, and serve.py behind `newswatch serve`."""

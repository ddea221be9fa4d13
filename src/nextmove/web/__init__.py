"""The local web app (FastAPI + Jinja2); arrives with the web issue."""

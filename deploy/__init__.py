"""Serving the app to a room: HAProxy in front of Streamlit replicas (see README)."""

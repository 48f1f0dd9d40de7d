"""Performance benchmark of the dashboard against a hello-world Streamlit app (see README.md)."""

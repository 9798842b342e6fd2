"""The centre server: FastAPI app, auth, permissions, server store."""

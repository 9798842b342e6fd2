"""Sync with the centre: protocol, client, and the centre server."""

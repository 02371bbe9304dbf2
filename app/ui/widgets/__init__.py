"""Small reusable widgets of the desktop client."""

"""Pure rules and vocabularies: no Qt, no SQLAlchemy."""

"""Use cases: plain keyword-only functions that own transactions, validation and audit; no Qt."""

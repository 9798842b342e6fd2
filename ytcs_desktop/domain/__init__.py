"""Business rules: one module per area. No Qt here; every refusal is a DomainError."""

"""Domain: statuses, roles, errors and value types. Standard library only."""

"""Team mode: a team's PostgreSQL database, its group roles and logins (docs/team.md)."""

-- Who made each check: the name of the access token (docs/security.md); null for older checks.
ALTER TABLE tapak.checks ADD COLUMN created_by text;

-- migrate:up
CREATE TABLE auth.users (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	email text NOT NULL,
	password_hash text NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now(),
	updated_at timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT users_email_check CHECK (email LIKE '%_@_%')
);
COMMENT ON TABLE auth.users IS 'People who can log in';
-- Emails are unique whatever their case.
CREATE UNIQUE INDEX users_email_key ON auth.users (lower(email));

CREATE TABLE auth.tokens (
	id uuid PRIMARY KEY,
	user_id bigint NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
	issued_at timestamptz NOT NULL DEFAULT now(),
	expires_at timestamptz NOT NULL,
	revoked_at timestamptz
);
COMMENT ON TABLE auth.tokens IS 'Issued bearer tokens; a revoked one has revoked_at';
CREATE INDEX tokens_user_id_idx ON auth.tokens (user_id);

-- migrate:down
DROP TABLE auth.tokens;
DROP TABLE auth.users;

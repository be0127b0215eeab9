-- migrate:up
SET LOCAL lock_timeout = '2s';
ALTER TYPE lint.mood ADD VALUE 'calm';
UPDATE lint.accounts SET mood = 'calm' WHERE mood IS NULL;

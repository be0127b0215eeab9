-- migrate:up transaction:false
SET lock_timeout = '2s';
VACUUM lint.accounts;

-- migrate:up
SELECT é;

CREATE TABLE `track_revocations` (
	`job_id` text PRIMARY KEY NOT NULL,
	`revoked_before` integer NOT NULL,
	`revoked_by_user_id` integer,
	`revoked_by_email` text NOT NULL
);

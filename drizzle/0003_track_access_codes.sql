CREATE TABLE `track_access_codes` (
	`job_num` integer PRIMARY KEY NOT NULL,
	`generation` integer NOT NULL,
	`rotated_at` integer NOT NULL,
	`rotated_by_email` text NOT NULL
);

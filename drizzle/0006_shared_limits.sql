CREATE TABLE `login_counters` (
	`kind` text NOT NULL,
	`key` text NOT NULL,
	`n` integer NOT NULL,
	`first` integer NOT NULL,
	`last` integer NOT NULL,
	PRIMARY KEY(`kind`, `key`)
);
--> statement-breakpoint
CREATE INDEX `login_counters_last` ON `login_counters` (`last`);--> statement-breakpoint
CREATE TABLE `track_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`points` integer DEFAULT 0 NOT NULL,
	`expire` integer
);

DROP INDEX `mirror_jobs_span`;--> statement-breakpoint
CREATE INDEX `mirror_jobs_span_order` ON `mirror_jobs` (`span_start`,`span_end`,`deleted`,`num`,`id`);
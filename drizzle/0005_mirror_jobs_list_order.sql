CREATE INDEX `mirror_jobs_active_scheduled` ON `mirror_jobs` (`deleted`,`scheduled_start`,`id`);--> statement-breakpoint
CREATE INDEX `mirror_jobs_active_num` ON `mirror_jobs` (`deleted`,`num`,`id`);
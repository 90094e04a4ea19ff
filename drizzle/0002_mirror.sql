CREATE TABLE `mirror_activities` (
	`id` text PRIMARY KEY NOT NULL,
	`my_id` text,
	`name` text,
	`search` text,
	`status` text,
	`parent_id` text,
	`parent2_id` text,
	`date1` text,
	`date2` text,
	`active` integer DEFAULT true NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`modified_ms` integer DEFAULT 0 NOT NULL,
	`seq` integer NOT NULL,
	`doc` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `mirror_activities_name` ON `mirror_activities` (`name`);--> statement-breakpoint
CREATE INDEX `mirror_activities_my_id` ON `mirror_activities` (`my_id`);--> statement-breakpoint
CREATE INDEX `mirror_activities_parent` ON `mirror_activities` (`parent_id`);--> statement-breakpoint
CREATE INDEX `mirror_activities_seq` ON `mirror_activities` (`seq`);--> statement-breakpoint
CREATE INDEX `mirror_activities_modified` ON `mirror_activities` (`modified_ms`);--> statement-breakpoint
CREATE INDEX `mirror_activities_date1` ON `mirror_activities` (`date1`);--> statement-breakpoint
CREATE TABLE `mirror_activity_types` (
	`id` text PRIMARY KEY NOT NULL,
	`my_id` text,
	`name` text,
	`search` text,
	`status` text,
	`parent_id` text,
	`parent2_id` text,
	`date1` text,
	`date2` text,
	`active` integer DEFAULT true NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`modified_ms` integer DEFAULT 0 NOT NULL,
	`seq` integer NOT NULL,
	`doc` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `mirror_activity_types_name` ON `mirror_activity_types` (`name`);--> statement-breakpoint
CREATE INDEX `mirror_activity_types_my_id` ON `mirror_activity_types` (`my_id`);--> statement-breakpoint
CREATE INDEX `mirror_activity_types_parent` ON `mirror_activity_types` (`parent_id`);--> statement-breakpoint
CREATE INDEX `mirror_activity_types_seq` ON `mirror_activity_types` (`seq`);--> statement-breakpoint
CREATE INDEX `mirror_activity_types_modified` ON `mirror_activity_types` (`modified_ms`);--> statement-breakpoint
CREATE INDEX `mirror_activity_types_date1` ON `mirror_activity_types` (`date1`);--> statement-breakpoint
CREATE TABLE `mirror_credit_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`my_id` text,
	`name` text,
	`search` text,
	`status` text,
	`parent_id` text,
	`parent2_id` text,
	`date1` text,
	`date2` text,
	`active` integer DEFAULT true NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`modified_ms` integer DEFAULT 0 NOT NULL,
	`seq` integer NOT NULL,
	`doc` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `mirror_credit_notes_name` ON `mirror_credit_notes` (`name`);--> statement-breakpoint
CREATE INDEX `mirror_credit_notes_my_id` ON `mirror_credit_notes` (`my_id`);--> statement-breakpoint
CREATE INDEX `mirror_credit_notes_parent` ON `mirror_credit_notes` (`parent_id`);--> statement-breakpoint
CREATE INDEX `mirror_credit_notes_seq` ON `mirror_credit_notes` (`seq`);--> statement-breakpoint
CREATE INDEX `mirror_credit_notes_modified` ON `mirror_credit_notes` (`modified_ms`);--> statement-breakpoint
CREATE INDEX `mirror_credit_notes_date1` ON `mirror_credit_notes` (`date1`);--> statement-breakpoint
CREATE TABLE `mirror_cursors` (
	`resource` text PRIMARY KEY NOT NULL,
	`since_ms` integer,
	`backfill` text,
	`ready` integer DEFAULT false NOT NULL,
	`synced_at` integer,
	`last_error` text,
	`last_error_at` integer,
	`backfill_records` integer DEFAULT 0 NOT NULL,
	`backfill_total` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `mirror_custom_fields` (
	`id` text PRIMARY KEY NOT NULL,
	`my_id` text,
	`name` text,
	`search` text,
	`status` text,
	`parent_id` text,
	`parent2_id` text,
	`date1` text,
	`date2` text,
	`active` integer DEFAULT true NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`modified_ms` integer DEFAULT 0 NOT NULL,
	`seq` integer NOT NULL,
	`doc` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `mirror_custom_fields_name` ON `mirror_custom_fields` (`name`);--> statement-breakpoint
CREATE INDEX `mirror_custom_fields_my_id` ON `mirror_custom_fields` (`my_id`);--> statement-breakpoint
CREATE INDEX `mirror_custom_fields_parent` ON `mirror_custom_fields` (`parent_id`);--> statement-breakpoint
CREATE INDEX `mirror_custom_fields_seq` ON `mirror_custom_fields` (`seq`);--> statement-breakpoint
CREATE INDEX `mirror_custom_fields_modified` ON `mirror_custom_fields` (`modified_ms`);--> statement-breakpoint
CREATE INDEX `mirror_custom_fields_date1` ON `mirror_custom_fields` (`date1`);--> statement-breakpoint
CREATE TABLE `mirror_customers` (
	`id` text PRIMARY KEY NOT NULL,
	`my_id` text,
	`name` text,
	`search` text,
	`status` text,
	`parent_id` text,
	`parent2_id` text,
	`date1` text,
	`date2` text,
	`active` integer DEFAULT true NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`modified_ms` integer DEFAULT 0 NOT NULL,
	`seq` integer NOT NULL,
	`doc` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `mirror_customers_name` ON `mirror_customers` (`name`);--> statement-breakpoint
CREATE INDEX `mirror_customers_my_id` ON `mirror_customers` (`my_id`);--> statement-breakpoint
CREATE INDEX `mirror_customers_parent` ON `mirror_customers` (`parent_id`);--> statement-breakpoint
CREATE INDEX `mirror_customers_seq` ON `mirror_customers` (`seq`);--> statement-breakpoint
CREATE INDEX `mirror_customers_modified` ON `mirror_customers` (`modified_ms`);--> statement-breakpoint
CREATE INDEX `mirror_customers_date1` ON `mirror_customers` (`date1`);--> statement-breakpoint
CREATE TABLE `mirror_depots` (
	`id` text PRIMARY KEY NOT NULL,
	`my_id` text,
	`name` text,
	`search` text,
	`status` text,
	`parent_id` text,
	`parent2_id` text,
	`date1` text,
	`date2` text,
	`active` integer DEFAULT true NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`modified_ms` integer DEFAULT 0 NOT NULL,
	`seq` integer NOT NULL,
	`doc` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `mirror_depots_name` ON `mirror_depots` (`name`);--> statement-breakpoint
CREATE INDEX `mirror_depots_my_id` ON `mirror_depots` (`my_id`);--> statement-breakpoint
CREATE INDEX `mirror_depots_parent` ON `mirror_depots` (`parent_id`);--> statement-breakpoint
CREATE INDEX `mirror_depots_seq` ON `mirror_depots` (`seq`);--> statement-breakpoint
CREATE INDEX `mirror_depots_modified` ON `mirror_depots` (`modified_ms`);--> statement-breakpoint
CREATE INDEX `mirror_depots_date1` ON `mirror_depots` (`date1`);--> statement-breakpoint
CREATE TABLE `mirror_equipment` (
	`id` text PRIMARY KEY NOT NULL,
	`my_id` text,
	`name` text,
	`search` text,
	`status` text,
	`parent_id` text,
	`parent2_id` text,
	`date1` text,
	`date2` text,
	`active` integer DEFAULT true NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`modified_ms` integer DEFAULT 0 NOT NULL,
	`seq` integer NOT NULL,
	`doc` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `mirror_equipment_name` ON `mirror_equipment` (`name`);--> statement-breakpoint
CREATE INDEX `mirror_equipment_my_id` ON `mirror_equipment` (`my_id`);--> statement-breakpoint
CREATE INDEX `mirror_equipment_parent` ON `mirror_equipment` (`parent_id`);--> statement-breakpoint
CREATE INDEX `mirror_equipment_seq` ON `mirror_equipment` (`seq`);--> statement-breakpoint
CREATE INDEX `mirror_equipment_modified` ON `mirror_equipment` (`modified_ms`);--> statement-breakpoint
CREATE INDEX `mirror_equipment_date1` ON `mirror_equipment` (`date1`);--> statement-breakpoint
CREATE TABLE `mirror_invoices` (
	`id` text PRIMARY KEY NOT NULL,
	`my_id` text,
	`name` text,
	`search` text,
	`status` text,
	`parent_id` text,
	`parent2_id` text,
	`date1` text,
	`date2` text,
	`active` integer DEFAULT true NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`modified_ms` integer DEFAULT 0 NOT NULL,
	`seq` integer NOT NULL,
	`doc` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `mirror_invoices_name` ON `mirror_invoices` (`name`);--> statement-breakpoint
CREATE INDEX `mirror_invoices_my_id` ON `mirror_invoices` (`my_id`);--> statement-breakpoint
CREATE INDEX `mirror_invoices_parent` ON `mirror_invoices` (`parent_id`);--> statement-breakpoint
CREATE INDEX `mirror_invoices_seq` ON `mirror_invoices` (`seq`);--> statement-breakpoint
CREATE INDEX `mirror_invoices_modified` ON `mirror_invoices` (`modified_ms`);--> statement-breakpoint
CREATE INDEX `mirror_invoices_date1` ON `mirror_invoices` (`date1`);--> statement-breakpoint
CREATE TABLE `mirror_job_technicians` (
	`job_id` text NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`job_id`, `user_id`)
);
--> statement-breakpoint
CREATE INDEX `mirror_job_technicians_user` ON `mirror_job_technicians` (`user_id`);--> statement-breakpoint
CREATE TABLE `mirror_job_types` (
	`id` text PRIMARY KEY NOT NULL,
	`my_id` text,
	`name` text,
	`search` text,
	`status` text,
	`parent_id` text,
	`parent2_id` text,
	`date1` text,
	`date2` text,
	`active` integer DEFAULT true NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`modified_ms` integer DEFAULT 0 NOT NULL,
	`seq` integer NOT NULL,
	`doc` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `mirror_job_types_name` ON `mirror_job_types` (`name`);--> statement-breakpoint
CREATE INDEX `mirror_job_types_my_id` ON `mirror_job_types` (`my_id`);--> statement-breakpoint
CREATE INDEX `mirror_job_types_parent` ON `mirror_job_types` (`parent_id`);--> statement-breakpoint
CREATE INDEX `mirror_job_types_seq` ON `mirror_job_types` (`seq`);--> statement-breakpoint
CREATE INDEX `mirror_job_types_modified` ON `mirror_job_types` (`modified_ms`);--> statement-breakpoint
CREATE INDEX `mirror_job_types_date1` ON `mirror_job_types` (`date1`);--> statement-breakpoint
CREATE TABLE `mirror_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`num` integer NOT NULL,
	`my_id` text,
	`status` text NOT NULL,
	`technician_id` integer,
	`customer_id` integer,
	`site_id` integer,
	`equipment_id` integer,
	`type_id` integer,
	`span_start` text,
	`span_end` text,
	`scheduled_start` text,
	`scheduled_end` text,
	`actual_start` text,
	`actual_end` text,
	`search` text,
	`deleted` integer DEFAULT false NOT NULL,
	`modified_ms` integer NOT NULL,
	`seq` integer NOT NULL,
	`doc` text NOT NULL,
	`details` text,
	`details_modified` text
);
--> statement-breakpoint
CREATE INDEX `mirror_jobs_span` ON `mirror_jobs` (`span_start`,`span_end`);--> statement-breakpoint
CREATE INDEX `mirror_jobs_status` ON `mirror_jobs` (`status`);--> statement-breakpoint
CREATE INDEX `mirror_jobs_technician` ON `mirror_jobs` (`technician_id`);--> statement-breakpoint
CREATE INDEX `mirror_jobs_customer` ON `mirror_jobs` (`customer_id`);--> statement-breakpoint
CREATE INDEX `mirror_jobs_site` ON `mirror_jobs` (`site_id`);--> statement-breakpoint
CREATE INDEX `mirror_jobs_seq` ON `mirror_jobs` (`seq`);--> statement-breakpoint
CREATE INDEX `mirror_jobs_modified` ON `mirror_jobs` (`modified_ms`);--> statement-breakpoint
CREATE INDEX `mirror_jobs_num` ON `mirror_jobs` (`num`);--> statement-breakpoint
CREATE INDEX `mirror_jobs_my_id` ON `mirror_jobs` (`my_id`);--> statement-breakpoint
CREATE TABLE `mirror_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `mirror_parts` (
	`id` text PRIMARY KEY NOT NULL,
	`my_id` text,
	`name` text,
	`search` text,
	`status` text,
	`parent_id` text,
	`parent2_id` text,
	`date1` text,
	`date2` text,
	`active` integer DEFAULT true NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`modified_ms` integer DEFAULT 0 NOT NULL,
	`seq` integer NOT NULL,
	`doc` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `mirror_parts_name` ON `mirror_parts` (`name`);--> statement-breakpoint
CREATE INDEX `mirror_parts_my_id` ON `mirror_parts` (`my_id`);--> statement-breakpoint
CREATE INDEX `mirror_parts_parent` ON `mirror_parts` (`parent_id`);--> statement-breakpoint
CREATE INDEX `mirror_parts_seq` ON `mirror_parts` (`seq`);--> statement-breakpoint
CREATE INDEX `mirror_parts_modified` ON `mirror_parts` (`modified_ms`);--> statement-breakpoint
CREATE INDEX `mirror_parts_date1` ON `mirror_parts` (`date1`);--> statement-breakpoint
CREATE TABLE `mirror_quotations` (
	`id` text PRIMARY KEY NOT NULL,
	`my_id` text,
	`name` text,
	`search` text,
	`status` text,
	`parent_id` text,
	`parent2_id` text,
	`date1` text,
	`date2` text,
	`active` integer DEFAULT true NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`modified_ms` integer DEFAULT 0 NOT NULL,
	`seq` integer NOT NULL,
	`doc` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `mirror_quotations_name` ON `mirror_quotations` (`name`);--> statement-breakpoint
CREATE INDEX `mirror_quotations_my_id` ON `mirror_quotations` (`my_id`);--> statement-breakpoint
CREATE INDEX `mirror_quotations_parent` ON `mirror_quotations` (`parent_id`);--> statement-breakpoint
CREATE INDEX `mirror_quotations_seq` ON `mirror_quotations` (`seq`);--> statement-breakpoint
CREATE INDEX `mirror_quotations_modified` ON `mirror_quotations` (`modified_ms`);--> statement-breakpoint
CREATE INDEX `mirror_quotations_date1` ON `mirror_quotations` (`date1`);--> statement-breakpoint
CREATE TABLE `mirror_report_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`my_id` text,
	`name` text,
	`search` text,
	`status` text,
	`parent_id` text,
	`parent2_id` text,
	`date1` text,
	`date2` text,
	`active` integer DEFAULT true NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`modified_ms` integer DEFAULT 0 NOT NULL,
	`seq` integer NOT NULL,
	`doc` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `mirror_report_templates_name` ON `mirror_report_templates` (`name`);--> statement-breakpoint
CREATE INDEX `mirror_report_templates_my_id` ON `mirror_report_templates` (`my_id`);--> statement-breakpoint
CREATE INDEX `mirror_report_templates_parent` ON `mirror_report_templates` (`parent_id`);--> statement-breakpoint
CREATE INDEX `mirror_report_templates_seq` ON `mirror_report_templates` (`seq`);--> statement-breakpoint
CREATE INDEX `mirror_report_templates_modified` ON `mirror_report_templates` (`modified_ms`);--> statement-breakpoint
CREATE INDEX `mirror_report_templates_date1` ON `mirror_report_templates` (`date1`);--> statement-breakpoint
CREATE TABLE `mirror_scheduling_windows` (
	`id` text PRIMARY KEY NOT NULL,
	`my_id` text,
	`name` text,
	`search` text,
	`status` text,
	`parent_id` text,
	`parent2_id` text,
	`date1` text,
	`date2` text,
	`active` integer DEFAULT true NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`modified_ms` integer DEFAULT 0 NOT NULL,
	`seq` integer NOT NULL,
	`doc` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `mirror_scheduling_windows_name` ON `mirror_scheduling_windows` (`name`);--> statement-breakpoint
CREATE INDEX `mirror_scheduling_windows_my_id` ON `mirror_scheduling_windows` (`my_id`);--> statement-breakpoint
CREATE INDEX `mirror_scheduling_windows_parent` ON `mirror_scheduling_windows` (`parent_id`);--> statement-breakpoint
CREATE INDEX `mirror_scheduling_windows_seq` ON `mirror_scheduling_windows` (`seq`);--> statement-breakpoint
CREATE INDEX `mirror_scheduling_windows_modified` ON `mirror_scheduling_windows` (`modified_ms`);--> statement-breakpoint
CREATE INDEX `mirror_scheduling_windows_date1` ON `mirror_scheduling_windows` (`date1`);--> statement-breakpoint
CREATE TABLE `mirror_sites` (
	`id` text PRIMARY KEY NOT NULL,
	`my_id` text,
	`name` text,
	`search` text,
	`status` text,
	`parent_id` text,
	`parent2_id` text,
	`date1` text,
	`date2` text,
	`active` integer DEFAULT true NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`modified_ms` integer DEFAULT 0 NOT NULL,
	`seq` integer NOT NULL,
	`doc` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `mirror_sites_name` ON `mirror_sites` (`name`);--> statement-breakpoint
CREATE INDEX `mirror_sites_my_id` ON `mirror_sites` (`my_id`);--> statement-breakpoint
CREATE INDEX `mirror_sites_parent` ON `mirror_sites` (`parent_id`);--> statement-breakpoint
CREATE INDEX `mirror_sites_seq` ON `mirror_sites` (`seq`);--> statement-breakpoint
CREATE INDEX `mirror_sites_modified` ON `mirror_sites` (`modified_ms`);--> statement-breakpoint
CREATE INDEX `mirror_sites_date1` ON `mirror_sites` (`date1`);--> statement-breakpoint
CREATE TABLE `mirror_tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`my_id` text,
	`name` text,
	`search` text,
	`status` text,
	`parent_id` text,
	`parent2_id` text,
	`date1` text,
	`date2` text,
	`active` integer DEFAULT true NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`modified_ms` integer DEFAULT 0 NOT NULL,
	`seq` integer NOT NULL,
	`doc` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `mirror_tasks_name` ON `mirror_tasks` (`name`);--> statement-breakpoint
CREATE INDEX `mirror_tasks_my_id` ON `mirror_tasks` (`my_id`);--> statement-breakpoint
CREATE INDEX `mirror_tasks_parent` ON `mirror_tasks` (`parent_id`);--> statement-breakpoint
CREATE INDEX `mirror_tasks_seq` ON `mirror_tasks` (`seq`);--> statement-breakpoint
CREATE INDEX `mirror_tasks_modified` ON `mirror_tasks` (`modified_ms`);--> statement-breakpoint
CREATE INDEX `mirror_tasks_date1` ON `mirror_tasks` (`date1`);--> statement-breakpoint
CREATE TABLE `mirror_taxes` (
	`id` text PRIMARY KEY NOT NULL,
	`my_id` text,
	`name` text,
	`search` text,
	`status` text,
	`parent_id` text,
	`parent2_id` text,
	`date1` text,
	`date2` text,
	`active` integer DEFAULT true NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`modified_ms` integer DEFAULT 0 NOT NULL,
	`seq` integer NOT NULL,
	`doc` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `mirror_taxes_name` ON `mirror_taxes` (`name`);--> statement-breakpoint
CREATE INDEX `mirror_taxes_my_id` ON `mirror_taxes` (`my_id`);--> statement-breakpoint
CREATE INDEX `mirror_taxes_parent` ON `mirror_taxes` (`parent_id`);--> statement-breakpoint
CREATE INDEX `mirror_taxes_seq` ON `mirror_taxes` (`seq`);--> statement-breakpoint
CREATE INDEX `mirror_taxes_modified` ON `mirror_taxes` (`modified_ms`);--> statement-breakpoint
CREATE INDEX `mirror_taxes_date1` ON `mirror_taxes` (`date1`);--> statement-breakpoint
CREATE TABLE `mirror_teams` (
	`id` text PRIMARY KEY NOT NULL,
	`my_id` text,
	`name` text,
	`search` text,
	`status` text,
	`parent_id` text,
	`parent2_id` text,
	`date1` text,
	`date2` text,
	`active` integer DEFAULT true NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`modified_ms` integer DEFAULT 0 NOT NULL,
	`seq` integer NOT NULL,
	`doc` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `mirror_teams_name` ON `mirror_teams` (`name`);--> statement-breakpoint
CREATE INDEX `mirror_teams_my_id` ON `mirror_teams` (`my_id`);--> statement-breakpoint
CREATE INDEX `mirror_teams_parent` ON `mirror_teams` (`parent_id`);--> statement-breakpoint
CREATE INDEX `mirror_teams_seq` ON `mirror_teams` (`seq`);--> statement-breakpoint
CREATE INDEX `mirror_teams_modified` ON `mirror_teams` (`modified_ms`);--> statement-breakpoint
CREATE INDEX `mirror_teams_date1` ON `mirror_teams` (`date1`);--> statement-breakpoint
CREATE TABLE `mirror_timeline` (
	`id` text PRIMARY KEY NOT NULL,
	`my_id` text,
	`name` text,
	`search` text,
	`status` text,
	`parent_id` text,
	`parent2_id` text,
	`date1` text,
	`date2` text,
	`active` integer DEFAULT true NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`modified_ms` integer DEFAULT 0 NOT NULL,
	`seq` integer NOT NULL,
	`doc` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `mirror_timeline_name` ON `mirror_timeline` (`name`);--> statement-breakpoint
CREATE INDEX `mirror_timeline_my_id` ON `mirror_timeline` (`my_id`);--> statement-breakpoint
CREATE INDEX `mirror_timeline_parent` ON `mirror_timeline` (`parent_id`);--> statement-breakpoint
CREATE INDEX `mirror_timeline_seq` ON `mirror_timeline` (`seq`);--> statement-breakpoint
CREATE INDEX `mirror_timeline_modified` ON `mirror_timeline` (`modified_ms`);--> statement-breakpoint
CREATE INDEX `mirror_timeline_date1` ON `mirror_timeline` (`date1`);--> statement-breakpoint
CREATE TABLE `mirror_users` (
	`id` text PRIMARY KEY NOT NULL,
	`my_id` text,
	`name` text,
	`search` text,
	`status` text,
	`parent_id` text,
	`parent2_id` text,
	`date1` text,
	`date2` text,
	`active` integer DEFAULT true NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`modified_ms` integer DEFAULT 0 NOT NULL,
	`seq` integer NOT NULL,
	`doc` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `mirror_users_name` ON `mirror_users` (`name`);--> statement-breakpoint
CREATE INDEX `mirror_users_my_id` ON `mirror_users` (`my_id`);--> statement-breakpoint
CREATE INDEX `mirror_users_parent` ON `mirror_users` (`parent_id`);--> statement-breakpoint
CREATE INDEX `mirror_users_seq` ON `mirror_users` (`seq`);--> statement-breakpoint
CREATE INDEX `mirror_users_modified` ON `mirror_users` (`modified_ms`);--> statement-breakpoint
CREATE INDEX `mirror_users_date1` ON `mirror_users` (`date1`);
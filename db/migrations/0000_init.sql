CREATE TABLE `axe_findings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`axe_run_id` integer NOT NULL,
	`kind` text NOT NULL,
	`rule_id` text NOT NULL,
	`impact` text,
	`help` text NOT NULL,
	`help_url` text NOT NULL,
	`tags` text NOT NULL,
	`node_count` integer NOT NULL,
	`nodes` text NOT NULL,
	FOREIGN KEY (`axe_run_id`) REFERENCES `axe_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `axe_findings_axe_run_id_idx` ON `axe_findings` (`axe_run_id`);--> statement-breakpoint
CREATE INDEX `axe_findings_rule_id_idx` ON `axe_findings` (`rule_id`);--> statement-breakpoint
CREATE TABLE `axe_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`page_id` integer NOT NULL,
	`engine` text NOT NULL,
	`engine_version` text NOT NULL,
	`tags` text NOT NULL,
	`passes` integer NOT NULL,
	`inapplicable` integer NOT NULL,
	FOREIGN KEY (`page_id`) REFERENCES `pages`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `axe_runs_page_id_idx` ON `axe_runs` (`page_id`);--> statement-breakpoint
CREATE TABLE `artifacts` (
	`hash` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`media_type` text NOT NULL,
	`bytes` integer NOT NULL,
	`stored_bytes` integer NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`catalog_id` text NOT NULL,
	`options` text DEFAULT '{}' NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaigns_name_idx` ON `campaigns` (`name`);--> statement-breakpoint
CREATE TABLE `evaluations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`catalog_id` text NOT NULL,
	`catalog_version` text NOT NULL,
	`tool_version` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `evaluations_run_id_idx` ON `evaluations` (`run_id`);--> statement-breakpoint
CREATE TABLE `evidence_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`result_id` integer NOT NULL,
	`ordinal` integer NOT NULL,
	`page_url` text NOT NULL,
	`kind` text NOT NULL,
	`selector` text,
	`snippet` text,
	`link_path` text,
	`screenshot_hash` text,
	`note` text,
	FOREIGN KEY (`result_id`) REFERENCES `indicator_results`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `evidence_items_result_id_ordinal_idx` ON `evidence_items` (`result_id`,`ordinal`);--> statement-breakpoint
CREATE TABLE `indicator_results` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`evaluation_id` integer NOT NULL,
	`rule_id` text NOT NULL,
	`code` text NOT NULL,
	`criterion` text NOT NULL,
	`method` text NOT NULL,
	`rule_version` integer NOT NULL,
	`outcome` text NOT NULL,
	`confidence` real NOT NULL,
	`message` text NOT NULL,
	FOREIGN KEY (`evaluation_id`) REFERENCES `evaluations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicator_results_evaluation_id_rule_id_idx` ON `indicator_results` (`evaluation_id`,`rule_id`);--> statement-breakpoint
CREATE TABLE `pages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`url` text NOT NULL,
	`final_url` text NOT NULL,
	`site` text NOT NULL,
	`status` text NOT NULL,
	`http_status` integer,
	`depth` integer NOT NULL,
	`rendered` integer NOT NULL,
	`html_hash` text,
	`screenshot_hash` text,
	`title` text NOT NULL,
	`lang_declared` text,
	`lang_detected` text,
	`text` text NOT NULL,
	`capture` text NOT NULL,
	`fetched_at` text NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`html_hash`) REFERENCES `artifacts`(`hash`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`screenshot_hash`) REFERENCES `artifacts`(`hash`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pages_run_id_url_idx` ON `pages` (`run_id`,`url`);--> statement-breakpoint
CREATE INDEX `pages_run_id_idx` ON `pages` (`run_id`);--> statement-breakpoint
CREATE TABLE `site_artifacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`kind` text NOT NULL,
	`data` text NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `site_artifacts_run_id_kind_idx` ON `site_artifacts` (`run_id`,`kind`);--> statement-breakpoint
CREATE TABLE `reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`code` text NOT NULL,
	`result_id` integer,
	`reviewer` text NOT NULL,
	`from_value` text,
	`to_value` text NOT NULL,
	`note` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`result_id`) REFERENCES `indicator_results`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reviews_run_id_code_idx` ON `reviews` (`run_id`,`code`);--> statement-breakpoint
CREATE TABLE `runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`target_id` integer NOT NULL,
	`campaign_id` integer,
	`round` integer DEFAULT 1 NOT NULL,
	`catalog_id` text NOT NULL,
	`tool_version` text NOT NULL,
	`options` text NOT NULL,
	`status` text NOT NULL,
	`outcome` text,
	`stop_reason` text,
	`home_url` text NOT NULL,
	`final_home_url` text,
	`spa` integer DEFAULT false NOT NULL,
	`pages` integer DEFAULT 0 NOT NULL,
	`statuses` text,
	`message` text,
	`started_at` text NOT NULL,
	`finished_at` text,
	FOREIGN KEY (`target_id`) REFERENCES `targets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `runs_target_id_idx` ON `runs` (`target_id`);--> statement-breakpoint
CREATE INDEX `runs_campaign_id_round_idx` ON `runs` (`campaign_id`,`round`);--> statement-breakpoint
CREATE TABLE `targets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer,
	`url` text NOT NULL,
	`level` text NOT NULL,
	`country` text,
	`city` text,
	`language` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `targets_campaign_id_url_idx` ON `targets` (`campaign_id`,`url`);--> statement-breakpoint
CREATE INDEX `targets_url_idx` ON `targets` (`url`);
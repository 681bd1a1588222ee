CREATE TABLE `portal_scores` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`score_set_id` integer NOT NULL,
	`run_id` integer NOT NULL,
	`target_id` integer NOT NULL,
	`evaluation_id` integer,
	`catalog_id` text NOT NULL,
	`catalog_version` text NOT NULL,
	`method` text NOT NULL,
	`value` real,
	`relative` real,
	`level` text,
	`level_basis` text,
	`met` integer NOT NULL,
	`assessed` integer NOT NULL,
	`needs_review` integer NOT NULL,
	`criteria` text NOT NULL,
	`inputs` text NOT NULL,
	FOREIGN KEY (`score_set_id`) REFERENCES `score_sets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`target_id`) REFERENCES `targets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`evaluation_id`) REFERENCES `evaluations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `portal_scores_score_set_id_run_id_idx` ON `portal_scores` (`score_set_id`,`run_id`);--> statement-breakpoint
CREATE INDEX `portal_scores_run_id_idx` ON `portal_scores` (`run_id`);--> statement-breakpoint
CREATE TABLE `score_sets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer,
	`trigger` text NOT NULL,
	`policy` text NOT NULL,
	`policy_text` text NOT NULL,
	`cohorts` text NOT NULL,
	`tool_version` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `score_sets_campaign_id_idx` ON `score_sets` (`campaign_id`);
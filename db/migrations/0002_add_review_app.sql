CREATE TABLE `blind_reviews` (
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
CREATE INDEX `blind_reviews_run_id_code_idx` ON `blind_reviews` (`run_id`,`code`);--> statement-breakpoint
CREATE TABLE `highlight_shots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`html_hash` text NOT NULL,
	`selector` text NOT NULL,
	`render_version` integer NOT NULL,
	`shot_hash` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `highlight_shots_key_idx` ON `highlight_shots` (`html_hash`,`selector`,`render_version`);--> statement-breakpoint
CREATE TABLE `review_assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`assigned_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_assignments_run_id_user_id_idx` ON `review_assignments` (`run_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `review_assignments_user_id_idx` ON `review_assignments` (`user_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`sid` text PRIMARY KEY NOT NULL,
	`data` text NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sessions_expires_at_idx` ON `sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_name_idx` ON `users` (`name`);--> statement-breakpoint
ALTER TABLE `reviews` ADD `kind` text DEFAULT 'review' NOT NULL;
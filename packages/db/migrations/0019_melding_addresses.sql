CREATE TABLE "melding_addresses" (
	"melding_id" uuid PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"street" text,
	"house_number" integer,
	"house_letter" text,
	"house_number_addition" text,
	"postcode" text,
	"woonplaats" text,
	"distance_m" real,
	"attempts" integer NOT NULL,
	"looked_up_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "melding_addresses" ADD CONSTRAINT "melding_addresses_melding_id_meldingen_id_fk" FOREIGN KEY ("melding_id") REFERENCES "public"."meldingen"("id") ON DELETE cascade ON UPDATE no action;
-- Two roles: the owner runs these migrations (CREDITS_DB_MIGRATION_USER) and owns every table; the
-- plugin serves as the runtime role (CREDITS_DB_USER), which is not the owner and so can neither
-- disable the trigger of V1 nor alter, truncate or drop a table. Flyway gives the runtime role's name
-- as the placeholder runtime_role (CreditsDatabase: the current_user of the plugin's data source).
-- With one role for both (the default, warned about at start), the grants below are skipped.

-- A foreign key check runs as the owner of the table it reads and locks the referenced row FOR KEY
-- SHARE, which needs UPDATE on at least one column of it. V5 took UPDATE on entry from the owner, so
-- a refund, which refers to the usage it gives back, was refused ("permission denied for table
-- entry"). The owner gets UPDATE back on the key column only; the trigger of V1 still refuses every
-- update of an entry, by any role.
grant update (entry_id) on entry to current_user;

-- The runtime role reads and writes the plugin's tables, but only reads and appends credit entries
-- and only reads Flyway's history. Tables and sequences that later migrations create (run by this
-- same owner) get the same grants through the owner's default privileges: a migration that adds a
-- table needs to know nothing of the runtime role; one that wants a table append-only revokes from
-- it with this placeholder, as below.
do $$
declare
    runtime text := '${runtime_role}';
    here text := current_schema();
begin
    if runtime = current_user then
        return;
    end if;
    execute format('grant usage on schema %I to %I', here, runtime);
    execute format('grant select, insert, update, delete on all tables in schema %I to %I', here, runtime);
    execute format('grant usage, select on all sequences in schema %I to %I', here, runtime);
    execute format('revoke update, delete on entry from %I', runtime);
    execute format('revoke insert, update, delete on credits_schema_history from %I', runtime);
    execute format('alter default privileges in schema %I grant select, insert, update, delete on tables to %I',
                   here, runtime);
    execute format('alter default privileges in schema %I grant usage, select on sequences to %I', here, runtime);
end;
$$;

-- Idempotency-Keys expire (CREDITS_IDEMPOTENCY_TTL, a day by default, as Stripe's): a sweep deletes
-- them oldest first in bounded batches, skipping rows another instance holds.
create index idempotency_key_expiring on idempotency_key (created_at);

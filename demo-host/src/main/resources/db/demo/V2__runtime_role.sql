-- Like the plugin's V9: the owner role (CREDITS_DB_MIGRATION_USER) migrates, the demo serves as the
-- runtime role (placeholder runtime_role), which may read and write the demo's rows and nothing more.
-- Tables that later migrations of the owner add get the same grants (default privileges).
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
    execute format('revoke insert, update, delete on demo_schema_history from %I', runtime);
    execute format('alter default privileges in schema %I grant select, insert, update, delete on tables to %I',
                   here, runtime);
    execute format('alter default privileges in schema %I grant usage, select on sequences to %I', here, runtime);
end;
$$;

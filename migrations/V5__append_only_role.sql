-- Credit entries are append-only for the application's own database role too: besides the
-- trigger of V1 (which stops every role), the role that runs the plugin loses the right to
-- change, delete or truncate entries. A superuser ignores privileges, so production runs the
-- plugin as an ordinary role (see the README); the trigger still holds for a superuser.
revoke update, delete, truncate on entry from public;
do $$
begin
    execute format('revoke update, delete, truncate on entry from %I', current_user);
end;
$$;

package org.schoolcredits.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.schoolcredits.host.Plan;
import org.schoolcredits.host.School;
import org.schoolcredits.host.SchoolDirectory;

/** The demo's school directory, for the plugin. */
@ApplicationScoped
public class DemoSchools implements SchoolDirectory {

    private static final String SELECT = "select s.school_id, s.name, s.plan, s.time_zone,"
            + " array(select email from demo.app_user u where u.school_id = s.school_id and u.role = 'school-admin'"
            + " and email is not null order by email) as admins from demo.school s";

    @Inject
    DemoDb db;

    @Override
    public Optional<School> find(String schoolId) {
        return db.one(SELECT + " where s.school_id = ?", DemoSchools::school, schoolId);
    }

    @Override
    public List<String> adminNames(String schoolId) {
        return db.list("select display_name from demo.app_user where school_id = ? and role = 'school-admin'"
                + " order by display_name", rs -> rs.getString(1), schoolId);
    }

    @Override
    public List<School> all() {
        return db.list(SELECT + " order by s.school_id", DemoSchools::school);
    }

    private static School school(ResultSet rs) throws SQLException {
        String[] admins = (String[]) rs.getArray("admins").getArray();
        return new School(rs.getString("school_id"), rs.getString("name"),
                Plan.valueOf(rs.getString("plan").toUpperCase(Locale.ROOT)), ZoneId.of(rs.getString("time_zone")),
                List.of(admins));
    }
}

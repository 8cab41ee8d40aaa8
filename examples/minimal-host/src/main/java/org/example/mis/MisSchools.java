package org.example.mis;

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

/** The host's schools, for the plugin: name, plan, time zone, admins' e-mail addresses and names. */
@ApplicationScoped
public class MisSchools implements SchoolDirectory {

    private static final String SELECT = "select s.school_id, s.name, s.plan, array(select u.email from mis.app_user u"
            + " where u.school_id = s.school_id and u.role = 'admin' order by u.email) as admins from mis.school s";

    @Inject
    MisDb db;

    @Override
    public Optional<School> find(String schoolId) {
        return db.one(SELECT + " where s.school_id = ?", MisSchools::school, schoolId);
    }

    @Override
    public List<School> all() {
        return db.list(SELECT + " order by s.school_id", MisSchools::school);
    }

    @Override
    public List<String> adminNames(String schoolId) {
        return db.list("select display_name from mis.app_user where school_id = ? and role = 'admin'"
                + " order by display_name", rs -> rs.getString(1), schoolId);
    }

    private static School school(ResultSet rs) throws SQLException {
        return new School(rs.getString("school_id"), rs.getString("name"),
                Plan.valueOf(rs.getString("plan").toUpperCase(Locale.ROOT)), ZoneId.of("Europe/London"),
                List.of((String[]) rs.getArray("admins").getArray()));
    }
}

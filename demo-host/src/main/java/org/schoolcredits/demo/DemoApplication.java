package org.schoolcredits.demo;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The demo MIS's own API at {@code /api/demo}; it lists its classes so it serves none of the plugin's. */
@ApplicationPath("api/demo")
public class DemoApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(DemoSchoolsResource.class, DemoFeaturesResource.class, DemoClockResource.class,
                DemoLearnersResource.class, DemoMeResource.class, DemoProblems.class);
    }
}

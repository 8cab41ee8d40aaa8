package org.schoolcredits.demo;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;

/** Produces the demo host's SQL helper. */
@ApplicationScoped
public class DemoStore {

    @Resource(lookup = DemoDb.JNDI)
    DataSource dataSource;

    @Produces
    DemoDb db() {
        return new DemoDb(dataSource);
    }
}

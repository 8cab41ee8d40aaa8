package org.schoolcredits.storage;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;

/** Hands the plugin's SQL helper, on the plugin's data source, to the beans that need it. */
@ApplicationScoped
public class Database {

    @Resource(lookup = CreditsDatabase.JNDI)
    DataSource dataSource;

    @Produces
    Jdbc jdbc() {
        return new Jdbc(dataSource);
    }
}

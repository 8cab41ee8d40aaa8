package org.example.mis;

import jakarta.ws.rs.ext.Provider;
import org.schoolcredits.host.InsufficientCreditsMapper;

/**
 * The plugin's host kit in the host's scanning application: an {@code InsufficientCreditsException}
 * from one of the host's resources answers the 402 the plugin's dialog reads ({@code topUpUrl} for
 * those who may buy, the school admins' names for everyone else).
 */
@Provider
public class CreditsProblems extends InsufficientCreditsMapper {
}

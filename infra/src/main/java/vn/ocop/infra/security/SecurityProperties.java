package vn.ocop.infra.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The accounts' settings.
 *
 * @param bootstrapAdmin             the name of the administrator created at first start
 * @param bootstrapAdminPasswordHash a password hash for it (e.g. {@code {bcrypt}$2a$…}) instead of a generated
 *                                   password printed once; an operator's own choice, so no change is demanded
 * @param provinceCode               the province this installation serves (62: Kon Tum)
 */
@ConfigurationProperties("ocop.security")
public record SecurityProperties(@DefaultValue("admin") String bootstrapAdmin, String bootstrapAdminPasswordHash,
                                 @DefaultValue("62") String provinceCode) {
}

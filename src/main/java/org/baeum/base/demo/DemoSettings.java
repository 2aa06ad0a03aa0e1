package org.baeum.base.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled  {@code BAEUM_DEMO_DATA}: create demo data and accounts on the first start of an empty database
 * @param password {@code BAEUM_DEMO_PASSWORD}: the demo accounts' password; random (printed once) when empty
 */
@ConfigurationProperties("baeum.demo")
public record DemoSettings(boolean enabled, String password) {

    public DemoSettings {
        password = password == null ? "" : password;
    }

    @Override
    public String toString() {
        return "DemoSettings[enabled=" + enabled + ", password=" + (password.isEmpty() ? "random" : "(set)") + "]";
    }
}

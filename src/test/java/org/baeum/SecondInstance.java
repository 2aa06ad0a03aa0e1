package org.baeum;

import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Starts one more whole portal ({@link Application}, its own web server, Quartz scheduler, mail delivery and in-process
 * SMTP server) in this JVM on the database of a running one, as a second production instance would run with
 * {@code BAEUM_MONGO_URI} set to the first one's embedded server (decision 0053). Like {@link BenchmarkPortal}, only
 * the portal's own beans: nothing from {@code src/test/java} is scanned.
 */
public final class SecondInstance {

    private SecondInstance() {
    }

    /** The {@code mongodb://host:port} the running portal's client is connected to (its embedded server). */
    public static String databaseOf(ConfigurableApplicationContext first) {
        return databaseOf(first.getBean(MongoClient.class));
    }

    public static String databaseOf(MongoClient client) {
        ServerAddress address = client.getClusterDescription().getServerDescriptions().getFirst().getAddress();
        return "mongodb://" + address.getHost() + ":" + address.getPort();
    }

    /**
     * A portal on the database at {@code mongoUri}, with {@code clock} as its clock when not null (tests give both
     * instances the same {@link MutableClock}), the given Spring profiles and {@code --name=value} arguments.
     */
    public static ConfigurableApplicationContext start(String mongoUri, Clock clock, List<String> profiles, String... args) {
        List<String> all = new ArrayList<>(List.of("--baeum.mongo.uri=" + mongoUri, "--server.port=0"));
        all.addAll(List.of(args));
        return new SpringApplicationBuilder(Application.class)
                .profiles(profiles.toArray(String[]::new))
                .initializers(context -> {
                    context.getBeanFactory().registerSingleton(BenchmarkPortal.MainCodeOnly.class.getName(),
                            new BenchmarkPortal.MainCodeOnly());
                    // Vaadin's security-context strategy is one per JVM (SecurityContextHolder is static), but each
                    // context's method security keeps the one of its own context: B would replace A's and A's services
                    // would find nobody signed in. B takes the one A set (its @ConditionalOnMissingBean backs off).
                    context.getBeanFactory().registerSingleton("firstInstanceSecurityContextHolderStrategy",
                            SecurityContextHolder.getContextHolderStrategy());
                    if (clock != null) {
                        ((GenericApplicationContext) context).registerBean("sharedTestClock", Clock.class, () -> clock,
                                (BeanDefinition d) -> d.setPrimary(true));
                    }
                })
                .run(all.toArray(String[]::new));
    }
}

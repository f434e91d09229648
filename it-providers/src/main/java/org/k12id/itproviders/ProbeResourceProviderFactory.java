package org.k12id.itproviders;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.stat.Statistics;
import org.keycloak.Config;
import org.keycloak.common.util.Time;
import org.keycloak.connections.infinispan.InfinispanConnectionProvider;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * {@code /realms/{realm}/k12-test-probe/work}: how much database work the server has done so far (statements prepared,
 * entities loaded, queries run, from the database layer's own statistics, switched on at the first call) and how many
 * users its user cache holds. Installed by the integration tests only, to show that a staff view's work does not grow
 * with the PSU and that it leaves the user cache alone. {@code PUT .../time-offset/{seconds}} moves the server's clock
 * (Keycloak's {@code Time} offset) so that a test can see what expires; tests set it back to 0.
 */
public final class ProbeResourceProviderFactory implements RealmResourceProviderFactory {

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new Probe(session);
            }

            @Override
            public void close() {
            }
        };
    }

    public static final class Probe {
        private final KeycloakSession session;

        Probe(KeycloakSession session) {
            this.session = session;
        }

        @PUT
        @Path("time-offset/{seconds}")
        @Produces(MediaType.APPLICATION_JSON)
        public Map<String, Object> timeOffset(@PathParam("seconds") int seconds) {
            Time.setOffset(seconds);
            return Map.of("offset", Time.getOffset());
        }

        @GET
        @Path("work")
        @Produces(MediaType.APPLICATION_JSON)
        public Map<String, Object> work() {
            Statistics statistics = session.getProvider(JpaConnectionProvider.class).getEntityManager().getEntityManagerFactory()
                    .unwrap(SessionFactoryImplementor.class).getStatistics();
            boolean wasOn = statistics.isStatisticsEnabled();
            statistics.setStatisticsEnabled(true);
            Map<String, Object> work = new LinkedHashMap<>();
            work.put("statisticsWereOn", wasOn);
            work.put("statements", statistics.getPrepareStatementCount());
            work.put("entityLoads", statistics.getEntityLoadCount());
            work.put("collectionLoads", statistics.getCollectionLoadCount());
            work.put("queries", statistics.getQueryExecutionCount());
            work.put("cachedUsers", session.getProvider(InfinispanConnectionProvider.class)
                    .getCache(InfinispanConnectionProvider.USER_CACHE_NAME).size());
            return work;
        }
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return "k12-test-probe";
    }
}

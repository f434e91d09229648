package org.k12id.adminrest.defaultpasswords;

import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;


import org.jboss.logging.Logger;
import org.k12id.adminrest.persistence.Jpa;
import org.keycloak.common.util.Time;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.storage.UserStoragePrivateUtil;

/**
 * Works a regeneration request off in the background, {@value #CHUNK} students per transaction (with reset, their
 * passwords hashed on every core at once: {@link ParallelHasher}). The request's row is
 * the only state: its status, exact counts and cursor commit with each chunk's students, so a server killed at any
 * moment leaves every student either wholly done (and counted) or untouched, and the request resumable from its
 * cursor. One node works a request at a time: it claims the row (status, owner, heartbeat) under a database row lock,
 * and holds that lock while it works each chunk; a claim whose heartbeat is older than the {@link Takeover} staleness
 * (its node died) may be taken over by any node.
 */
public final class RegenerationWorker {

    static final int CHUNK = 200;
    static final String EXECUTOR = "k12-default-passwords";
    /** This JVM's name in claims: fixed at start, never changed. */
    static final String NODE = "node-" + UUID.randomUUID();

    private static final Logger LOG = Logger.getLogger(RegenerationWorker.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeycloakSessionFactory factory;
    private final String requestId;
    private final Takeover takeover;

    private RegenerationWorker(KeycloakSessionFactory factory, String requestId, Takeover takeover) {
        this.factory = factory;
        this.requestId = requestId;
        this.takeover = takeover;
    }

    /**
     * The one way work starts: once the session's transaction has committed (the request's row is then visible to the
     * worker's own transactions), on this node, in the background, if the request can be claimed.
     */
    public static void start(KeycloakSession session, String requestId, Takeover takeover) {
        ExecutorService executor = session.getProvider(ExecutorsProvider.class).getExecutor(EXECUTOR);
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                executor.submit(() -> run(factory, requestId, takeover));
            }

            @Override
            protected void rollbackImpl() {
            }
        });
    }

    /** Works the request here if it can be claimed (the caller's thread). */
    public static void run(KeycloakSessionFactory factory, String requestId, Takeover takeover) {
        new RegenerationWorker(factory, requestId, takeover).run();
    }

    /** Every unfinished request whose node is gone (or that no node started in time), claimed and worked here. */
    public static void resumeAbandoned(KeycloakSession session, Takeover takeover) {
        long now = Time.currentTimeMillis();
        List<RegenerationRequestEntity> open = new RegenerationRequests(session).unfinished();
        for (RegenerationRequestEntity request : open) {
            if (takeover.stale(request.getHeartbeatAt(), now)) {
                start(session, request.getId(), takeover);
            }
        }
    }

    void run() {
        try {
            if (!claim()) {
                return;
            }
        } catch (RuntimeException e) {
            // another thread or node holds the request's row: it is theirs
            LOG.debugf("Default password request %s not claimed: %s", requestId, e.getClass().getSimpleName());
            return;
        }
        try {
            boolean more = true;
            while (more) {
                more = chunk();
            }
        } catch (RuntimeException e) {
            LOG.warnf("Default password request %s stopped: %s", requestId, e.getClass().getSimpleName());
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                RegenerationRequestEntity request = new RegenerationRequests(session).find(requestId);
                if (request != null && NODE.equals(request.getOwnerNode())) {
                    TargetedStudents.forget(Jpa.em(session), requestId);
                    request.setStatus(RegenerationStatus.FAILED.code());
                    request.setFailure(e.getClass().getSimpleName());
                    request.setFinishedAt(Time.currentTimeMillis());
                }
            });
        }
    }

    /** Takes the request for this node; false when it is finished or another live node has it. */
    private boolean claim() {
        return KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
            RegenerationRequestEntity request = new RegenerationRequests(session).lock(requestId);
            if (request == null) {
                return false;
            }
            long now = Time.currentTimeMillis();
            boolean queued = RegenerationStatus.QUEUED.code().equals(request.getStatus());
            boolean abandoned = RegenerationStatus.RUNNING.code().equals(request.getStatus())
                    && takeover.stale(request.getHeartbeatAt(), now);
            if (!queued && !abandoned) {
                return false;
            }
            RealmModel realm = session.realms().getRealm(request.getRealmId());
            if (realm == null) {
                request.setStatus(RegenerationStatus.INTERRUPTED.code());
                request.setFailure("realm removed");
                request.setFinishedAt(now);
                return false;
            }
            if (queued) {
                request.setTargeted(new TargetedStudents(session, realm, RegenerationRequests.form(request)).record(requestId));
                request.setStartedAt(now);
            }
            request.setStatus(RegenerationStatus.RUNNING.code());
            request.setOwnerNode(NODE);
            request.setHeartbeatAt(now);
            return true;
        });
    }

    /** One chunk in one transaction: its students, the counts and the cursor together. True while there is more. */
    private boolean chunk() {
        Boolean[] more = {Boolean.FALSE};
        List<String>[] failedChunk = new List[] {null};
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                RegenerationRequestEntity request = owned(session);
                RealmModel realm = session.realms().getRealm(request.getRealmId());
                session.getContext().setRealm(realm);
                RegenerationForm form = RegenerationRequests.form(request);
                List<String> ids = TargetedStudents.next(Jpa.em(session), requestId, request.getCursorUserId(), CHUNK);
                if (ids.isEmpty()) {
                    TargetedStudents.forget(Jpa.em(session), requestId);
                    request.setStatus(RegenerationStatus.COMPLETED.code());
                    request.setFinishedAt(Time.currentTimeMillis());
                    return;
                }
                failedChunk[0] = ids;
                // read as they are worked: the first students' passwords are hashed while the rest are read
                Stream<UserModel> students = ids.stream().map(id -> student(session, realm, id)).filter(Objects::nonNull);
                new Regenerator(session, realm, RANDOM).applyAll(students, form, requestId).forEach(o -> record(request, o));
                request.setCursorUserId(ids.get(ids.size() - 1));
                request.setHeartbeatAt(Time.currentTimeMillis());
                more[0] = Boolean.TRUE;
            });
            return more[0];
        } catch (RuntimeException chunkFailed) {
            if (failedChunk[0] == null || failedChunk[0].isEmpty()) {
                throw chunkFailed;
            }
            // one student spoiled the chunk (rolled back whole): redo it one student per transaction
            for (String id : failedChunk[0]) {
                single(id);
            }
            return true;
        }
    }

    private void single(String id) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                RegenerationRequestEntity request = owned(session);
                RealmModel realm = session.realms().getRealm(request.getRealmId());
                session.getContext().setRealm(realm);
                record(request, apply(session, realm, new Regenerator(session, realm, RANDOM), RegenerationRequests.form(request), id));
                request.setCursorUserId(id);
                request.setHeartbeatAt(Time.currentTimeMillis());
            });
        } catch (RuntimeException studentFailed) {
            Throwable root = studentFailed;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            // the kind of failure only: a message might quote a value
            String why = root.getClass().getSimpleName();
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                RegenerationRequestEntity request = owned(session);
                request.setFailure(why.length() > 900 ? why.substring(0, 900) : why);
                request.setFailed(request.getFailed() + 1);
                request.setCursorUserId(id);
                request.setHeartbeatAt(Time.currentTimeMillis());
            });
        }
    }

    private Regenerator.Outcome apply(KeycloakSession session, RealmModel realm, Regenerator regenerator,
                                             RegenerationForm form, String id) {
        UserModel student = student(session, realm, id);
        return student == null ? null : regenerator.apply(student, form, requestId);
    }

    /**
     * A targeted student, or null if the account is gone: read straight from the database, which keeps a whole PSU
     * out of the user cache (and the heap). A student whose password is reset is then dropped from the cache on every
     * node ({@link Regenerator}).
     */
    private static UserModel student(KeycloakSession session, RealmModel realm, String id) {
        return UserStoragePrivateUtil.userLocalStorage(session).getUserById(realm, id);
    }

    private static void record(RegenerationRequestEntity request, Regenerator.Outcome outcome) {
        if (outcome == null) {
            return;
        }
        if (outcome.regenerated()) {
            request.setRegenerated(request.getRegenerated() + 1);
        }
        if (outcome.reset()) {
            request.setResetCount(request.getResetCount() + 1);
        }
    }

    /** The request, locked, if this node still owns it. */
    private RegenerationRequestEntity owned(KeycloakSession session) {
        RegenerationRequestEntity request = new RegenerationRequests(session).lock(requestId);
        if (request == null || !NODE.equals(request.getOwnerNode())
                || !RegenerationStatus.RUNNING.code().equals(request.getStatus())) {
            throw new IllegalStateException("request no longer owned by this node");
        }
        return request;
    }

}

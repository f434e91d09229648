package org.k12id.adminrest.roster;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks;
import org.hibernate.event.spi.AbstractCollectionEvent;
import org.hibernate.event.spi.PostCollectionRecreateEvent;
import org.hibernate.event.spi.PostCollectionRecreateEventListener;
import org.hibernate.event.spi.PostCollectionRemoveEvent;
import org.hibernate.event.spi.PostCollectionRemoveEventListener;
import org.hibernate.event.spi.PostCollectionUpdateEvent;
import org.hibernate.event.spi.PostCollectionUpdateEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.keycloak.models.jpa.entities.UserAttributeEntity;
import org.keycloak.models.jpa.entities.UserEntity;
import org.keycloak.models.jpa.entities.UserRoleMappingEntity;

/**
 * Keeps the roster exact on every node: listens to the database layer's writes of users, their attributes and their
 * role mappings (whoever makes them: the admin console, the REST API, an import, a federation sync) and, just before
 * that transaction commits, rewrites the rows of the people it touched from their tables, in the same transaction. So
 * the roster commits or rolls back with the change, and every node, sharing the database, sees it at once.
 * <p>
 * Keycloak removes attributes with a bulk statement, which no listener sees, but it also takes them out of the user's
 * collection, which the collection events report. What still bypasses the database layer (SQL typed by hand, bulk
 * deletes of a whole federation's users) is corrected when a staff view reads the row ({@link RosterQuery}).
 * <p>
 * Stateless: what a transaction touched is held by that transaction's own database session.
 */
final class RosterListener implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener,
        PostCollectionUpdateEventListener, PostCollectionRemoveEventListener, PostCollectionRecreateEventListener {

    static final String PENDING = "k12.roster.pending";

    @Override
    public void onPostInsert(PostInsertEvent event) {
        touch(event.getSession(), userOf(event.getEntity()));
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        touch(event.getSession(), userOf(event.getEntity()));
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        touch(event.getSession(), userOf(event.getEntity()));
    }

    @Override
    public void onPostUpdateCollection(PostCollectionUpdateEvent event) {
        touch(event.getSession(), ownerOf(event));
    }

    @Override
    public void onPostRemoveCollection(PostCollectionRemoveEvent event) {
        touch(event.getSession(), ownerOf(event));
    }

    @Override
    public void onPostRecreateCollection(PostCollectionRecreateEvent event) {
        touch(event.getSession(), ownerOf(event));
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    private static String userOf(Object entity) {
        if (entity instanceof UserEntity user) {
            return user.getId();
        }
        if (entity instanceof UserAttributeEntity attribute && attribute.getUser() != null) {
            return attribute.getUser().getId();
        }
        if (entity instanceof UserRoleMappingEntity mapping && mapping.getUser() != null) {
            return mapping.getUser().getId();
        }
        return null;
    }

    /** The user whose attributes changed (credentials, required actions and the rest say nothing of the roster). */
    private static String ownerOf(AbstractCollectionEvent event) {
        String role = event.getCollection() == null ? null : event.getCollection().getRole();
        return role != null && role.endsWith(".attributes") && event.getAffectedOwnerOrNull() instanceof UserEntity user
                ? user.getId() : null;
    }

    private static void touch(SharedSessionContractImplementor session, String userId) {
        if (userId == null || !(session instanceof SessionImplementor db)) {
            return;
        }
        Pending pending = db.getProperties().get(PENDING) instanceof Pending held ? held : null;
        if (pending == null) {
            pending = new Pending();
            db.setProperty(PENDING, pending);
        }
        if (!pending.scheduled) {
            pending.scheduled = true;
            Pending scheduled = pending;
            TransactionCompletionCallbacks callbacks = db.getTransactionCompletionCallbacks();
            callbacks.registerCallback((TransactionCompletionCallbacks.BeforeCompletionCallback) completing -> scheduled.apply(completing));
            callbacks.registerCallback((TransactionCompletionCallbacks.AfterCompletionCallback) (success, completed) -> scheduled.reset());
        }
        pending.userIds.add(userId);
    }

    /** The people one transaction touched, rewritten just before it commits. */
    static final class Pending implements Serializable {
        private final Set<String> userIds = new HashSet<>();
        private boolean scheduled;

        private void apply(SharedSessionContractImplementor session) {
            EntityManager em = (EntityManager) session;
            // rewriting flushes, and a flush may report more people (never roster rows): repeat until none is left
            while (!userIds.isEmpty()) {
                List<String> ids = new ArrayList<>(userIds);
                userIds.clear();
                RosterSync.sync(em, ids);
                em.flush();
            }
        }

        private void reset() {
            userIds.clear();
            scheduled = false;
        }
    }
}

package org.k12id.adminrest.staff;

import java.util.List;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Work on many students at once (issuing or voiding a class's or a school's badges), {@value #SIZE} students per
 * transaction. In one long transaction every write makes the database layer re-check every student it has loaded so
 * far, so a thousand students take minutes; in batches they take seconds. Each batch commits on its own: a student is
 * always wholly before or wholly after the change.
 */
public final class StudentBatches {

    public static final int SIZE = 100;

    /** What to do to one student inside a batch's own session. */
    public interface Work {
        void apply(KeycloakSession batch, RealmModel realm, UserModel student);
    }

    private StudentBatches() {
    }

    /** Runs the work for every student id, in order, a batch per transaction; a student deleted meanwhile is passed over. */
    public static void forEach(KeycloakSession session, RealmModel realm, List<String> ids, Work work) {
        for (int from = 0; from < ids.size(); from += SIZE) {
            List<String> batch = ids.subList(from, Math.min(from + SIZE, ids.size()));
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), session.getContext(), batchSession -> {
                RealmModel batchRealm = batchSession.realms().getRealm(realm.getId());
                for (String id : batch) {
                    UserModel student = batchSession.users().getUserById(batchRealm, id);
                    if (student != null) {
                        work.apply(batchSession, batchRealm, student);
                    }
                }
            });
        }
    }
}

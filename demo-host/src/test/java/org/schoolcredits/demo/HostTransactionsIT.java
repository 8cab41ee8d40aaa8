package org.schoolcredits.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.schoolcredits.demo.ContainerHost.admin;
import static org.schoolcredits.demo.ContainerHost.committed;
import static org.schoolcredits.demo.ContainerHost.count;
import static org.schoolcredits.demo.ContainerHost.rolledBack;
import static org.schoolcredits.demo.ContainerHost.update;
import static org.schoolcredits.demo.ContainerHost.value;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionRequiredException;
import jakarta.transaction.TransactionalException;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.schoolcredits.demo.ContainerHost.Work;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.InsufficientCreditsException;
import org.schoolcredits.host.LearnerCredits;
import org.schoolcredits.host.LearnerDeleted;
import org.schoolcredits.host.LearnerRegistering;
import org.schoolcredits.host.MessageCredits;
import org.schoolcredits.host.MessageOutcome;
import org.schoolcredits.host.MessageSending;
import org.schoolcredits.host.Plan;
import org.schoolcredits.host.PlanChanged;
import org.schoolcredits.host.SchoolDisabled;
import org.schoolcredits.host.SchoolEnabled;
import org.schoolcredits.host.UnknownMessageException;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.ledger.Ledger;
import org.schoolcredits.rest.EnabledSchools;
import org.schoolcredits.storage.Remembered;

/**
 * What only the container proves, inside Payara Micro (Arquillian, in-container): the test plays a
 * host MIS that writes its own rows ({@link ContainerHost}, on the data source it shares with the plugin)
 * and fires the host events in its own JTA transactions. The plugin's observers join those
 * transactions, its {@code MANDATORY} calls refuse to run outside one, and its after-commit observer
 * runs after a commit only. Each test works on a school of its own.
 */
@ExtendWith({ContainerDatabase.class, ArquillianExtension.class})
class HostTransactionsIT {

    @Deployment
    static WebArchive demoHost() {
        return ShrinkWrap.create(ZipImporter.class, "school-credits-demo-host.war")
                .importFrom(new File("target/lib/school-credits-demo-host.war")).as(WebArchive.class)
                .addClasses(ContainerDatabase.class, ContainerHost.class);
    }

    @Inject
    UserTransaction tx;

    @Inject
    Event<SchoolEnabled> schoolEnabled;

    @Inject
    Event<SchoolDisabled> schoolDisabled;

    @Inject
    Event<PlanChanged> planChanged;

    @Inject
    Event<LearnerRegistering> registering;

    @Inject
    Event<LearnerDeleted> learnerDeleted;

    @Inject
    Event<MessageSending> sending;

    @Inject
    Event<MessageOutcome> outcomes;

    @Inject
    LearnerCredits learnerCredits;

    @Inject
    MessageCredits messageCredits;

    @Inject
    Ledger ledger;

    @Inject
    EnabledSchools enabledSchools;

    @AfterEach
    void noTransactionLeftOpen() throws Exception {
        if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
            tx.rollback();
        }
    }

    @Test
    @DisplayName("a learner with a credit commits with the host's row; the veto of the next dooms the host's"
            + " transaction, so its learner row is gone even though the host caught the veto")
    void vetoRollsBackTheHostsRow() throws Exception {
        String school = enabledSchool("standard");
        committed(() -> {
            register(school, "UPN-A");
            assertTrue(learnerCredits.registration(school, "UPN-A").charged(), "told in the same transaction");
        });
        assertEquals(1, count("select count(*) from demo.learner where school_id = ?", school));
        assertEquals(Credits.ZERO, available(school, CreditType.LEARNER));

        tx.begin();
        update("insert into demo.learner (school_id, name, upn) values (?, 'Learner B', 'UPN-B')", school);
        assertThrows(InsufficientCreditsException.class,
                () -> registering.fire(new LearnerRegistering(school, "UPN-B", admin(school))));
        assertEquals(Status.STATUS_MARKED_ROLLBACK, tx.getStatus());
        assertThrows(RollbackException.class, tx::commit);

        assertEquals(0, count("select count(*) from demo.learner where school_id = ? and upn = 'UPN-B'", school));
        assertEquals(1, count("select count(*) from credits.learner where school_id = ?", school));
        assertEquals(Credits.ZERO, available(school, CreditType.LEARNER));
    }

    @Test
    @DisplayName("a host transaction that fails after the plugin charged its learner takes the charge back with it")
    void hostRollbackTakesTheChargeBack() throws Exception {
        String school = enabledSchool("standard");
        rolledBack(() -> {
            register(school, "UPN-A");
            assertEquals(Credits.ZERO, available(school, CreditType.LEARNER), "charged inside the host's transaction");
        });
        assertEquals(Credits.of(1), available(school, CreditType.LEARNER));
        assertEquals(0, count("select count(*) from credits.learner where school_id = ?", school));
        assertEquals(0, count("select count(*) from demo.learner where school_id = ?", school));
    }

    @Test
    @DisplayName("the learner and school events and the ledger refuse to run outside a transaction, and change nothing")
    void mandatoryRefusesOutsideATransaction() throws Exception {
        String school = enabledSchool("standard");
        String unknown = "it-" + UUID.randomUUID().toString().substring(0, 8);
        refusedOutsideTransaction(() -> registering.fire(new LearnerRegistering(school, "UPN-A", admin(school))));
        refusedOutsideTransaction(() -> learnerDeleted.fire(new LearnerDeleted(school, "UPN-A")));
        refusedOutsideTransaction(() -> schoolDisabled.fire(new SchoolDisabled(school)));
        refusedOutsideTransaction(() -> ledger.provision(unknown));

        assertEquals(Credits.of(1), available(school, CreditType.LEARNER));
        assertEquals(0, count("select count(*) from credits.learner where school_id = ?", school));
        assertTrue(ledger.isEnabled(school));
        assertFalse(ledger.exists(unknown));
    }

    @Test
    @DisplayName("LearnerDeleted erases the learner's reference in the host's transaction: kept when the host rolls"
            + " back, erased when it commits, with no credit back")
    void learnerDeletedFollowsTheHost() throws Exception {
        String school = enabledSchool("standard");
        committed(() -> register(school, "UPN-A"));
        String reference = "select learner_ref from credits.learner where school_id = ?";
        Work delete = () -> {
            update("delete from demo.learner where school_id = ? and upn = 'UPN-A'", school);
            learnerDeleted.fire(new LearnerDeleted(school, "UPN-A"));
        };
        rolledBack(delete);
        assertEquals("UPN-A", value(reference, school));
        committed(delete);
        assertNull(value(reference, school));
        assertNotNull(value("select deleted_at from credits.learner where school_id = ?", school));
        assertEquals(Credits.ZERO, available(school, CreditType.LEARNER));
    }

    @Test
    @DisplayName("PlanChanged to Pro grants the month's allowance in the host's transaction, and nothing when the"
            + " host rolls back")
    void planChangedFollowsTheHost() throws Exception {
        String school = enabledSchool("standard");
        Work becomePro = () -> {
            update("update demo.school set plan = 'pro' where school_id = ?", school);
            planChanged.fire(new PlanChanged(school, Plan.PRO));
            assertEquals(Credits.of(100), available(school, CreditType.CONNECT));
        };
        rolledBack(becomePro);
        assertEquals(Credits.ZERO, available(school, CreditType.CONNECT));
        committed(becomePro);
        assertEquals(Credits.of(100), available(school, CreditType.CONNECT));
    }

    @Test
    @DisplayName("MessageSending holds and MessageOutcome settles in the host's transaction: nothing held or settled"
            + " when the host rolls back, the failed part refunded when it commits")
    void messagesFollowTheHost() throws Exception {
        String school = enabledSchool("pro"); // 100 Connect credits of allowance
        MessageSending send = MessageSending.of(admin(school), "SMS", "sms-it", List.of("r1", "r2"));
        MessageOutcome outcome = new MessageOutcome(school, "SMS", "sms-it",
                List.of(MessageOutcome.Delivery.sent("r1"), MessageOutcome.Delivery.failed("r2")));

        rolledBack(() -> sending.fire(send));
        assertThrows(UnknownMessageException.class, () -> messageCredits.charges(school, "SMS", "sms-it"));
        assertEquals(Credits.of(100), available(school, CreditType.CONNECT));

        committed(() -> sending.fire(send));
        assertEquals(2, messageCredits.charges(school, "SMS", "sms-it").partsHeld());
        rolledBack(() -> outcomes.fire(outcome));
        assertEquals(2, messageCredits.charges(school, "SMS", "sms-it").partsHeld());

        committed(() -> outcomes.fire(outcome));
        MessageCredits.Charges charges = messageCredits.charges(school, "SMS", "sms-it");
        assertEquals(List.of(0, 1, 1), List.of(charges.partsHeld(), charges.partsCharged(), charges.partsRefunded()));
        assertEquals(0, new BigDecimal("0.6").compareTo(charges.charged()));
        assertEquals(Credits.of(new BigDecimal("99.4")), available(school, CreditType.CONNECT));
    }

    @Test
    @DisplayName("a school disabled by a committed host transaction is refused at once, even when a request read it"
            + " as enabled while that transaction ran: the remembered answer is forgotten after the commit")
    void disabledForgottenAfterCommit() throws Exception {
        String school = enabledSchool("standard");
        ManagedExecutorService requests = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
        assertTrue(enabledSchools.isEnabled(school));
        committed(() -> {
            update("update demo.school set enabled = false where school_id = ?", school);
            schoolDisabled.fire(new SchoolDisabled(school));
            assertTrue(requests.submit(() -> enabledSchools.isEnabled(school)).get(), "not committed yet");
        });
        assertFalse(enabledSchools.isEnabled(school));
        assertFalse(ledger.isEnabled(school));
    }

    @Test
    @DisplayName("a disable the host rolls back leaves the school enabled, and the after-commit observer does not run")
    void disableRolledBack() throws Exception {
        for (int attempt = 1; ; attempt++) {
            String school = enabledSchool("standard");
            long readAt = System.nanoTime();
            assertTrue(enabledSchools.isEnabled(school));
            rolledBack(() -> schoolDisabled.fire(new SchoolDisabled(school)));
            assertTrue(ledger.isEnabled(school), "the disable rolled back with the host's transaction");
            // Disabled behind this instance's back, as another instance would: only an observer that ran
            // would have made this instance forget that the school was enabled.
            committed(() -> ledger.disable(school));
            boolean served = enabledSchools.isEnabled(school);
            if (System.nanoTime() - readAt < Remembered.FOR) {
                assertTrue(served, "the after-commit observer ran on a rollback");
                return;
            }
            assertTrue(attempt < 5, "five attempts each took longer than the second an answer is remembered");
        }
    }

    private String enabledSchool(String plan) throws Exception {
        String school = "it-" + UUID.randomUUID().toString().substring(0, 8);
        committed(() -> {
            update("insert into demo.school (school_id, name, plan, enabled) values (?, ?, ?, true)",
                    school, "School " + school, plan);
            schoolEnabled.fire(new SchoolEnabled(school));
        });
        return school;
    }

    private void register(String school, String upn) throws Exception {
        update("insert into demo.learner (school_id, name, upn) values (?, ?, ?)", school, "Learner " + upn, upn);
        registering.fire(new LearnerRegistering(school, upn, admin(school)));
    }

    private Credits available(String school, CreditType type) {
        return ledger.balance(school, type).available();
    }

    private void refusedOutsideTransaction(Work work) throws Exception {
        assertEquals(Status.STATUS_NO_TRANSACTION, tx.getStatus());
        TransactionalException refused = assertThrows(TransactionalException.class, work::run);
        assertInstanceOf(TransactionRequiredException.class, refused.getCause());
    }
}

package vn.ocop.infra.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ocop.events.common.PersonalDataVault;
import vn.ocop.events.common.SealedPersonalData;
import vn.ocop.infra.ServiceTest;

class PersonalDataVaultTest extends ServiceTest {

    @Autowired
    PersonalDataVault vault;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void sealedDataOpensToTheSameText() {
        String owner = UUID.randomUUID().toString();

        SealedPersonalData sealed = vault.seal(owner, "Nguyễn Thị Hồng");

        assertThat(sealed.cipherText()).doesNotContain("Nguy");
        assertThat(vault.open(sealed)).contains("Nguyễn Thị Hồng");
    }

    @Test
    void theSameTextSealsDifferentlyEachTime() {
        String owner = UUID.randomUUID().toString();

        assertThat(vault.seal(owner, "0905123456").cipherText())
                .isNotEqualTo(vault.seal(owner, "0905123456").cipherText());
    }

    @Test
    void aForgottenOwnersDataNoLongerOpensAndNothingNewIsSealedForThem() {
        String owner = UUID.randomUUID().toString();
        SealedPersonalData sealed = vault.seal(owner, "Nguyễn Thị Hồng");

        vault.forget(owner);

        assertThat(vault.open(sealed)).isEmpty();
        assertThatThrownBy(() -> vault.seal(owner, "again")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void forgettingOneOwnerLeavesOthersReadable() {
        String forgotten = UUID.randomUUID().toString();
        String kept = UUID.randomUUID().toString();
        vault.seal(forgotten, "A");
        SealedPersonalData keptData = vault.seal(kept, "B");

        vault.forget(forgotten);

        assertThat(vault.open(keptData)).contains("B");
    }

    @Test
    void aValueRelabelledAsAnotherOwnersDoesNotOpen() {
        String owner = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        vault.seal(other, "anything");
        SealedPersonalData sealed = vault.seal(owner, "Nguyễn Thị Hồng");

        SealedPersonalData relabelled = new SealedPersonalData(other, sealed.cipherText());

        assertThatThrownBy(() -> vault.open(relabelled)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void twoTransactionsSealingForANewOwnerAtOnceShareTheKeyTheFirstMade() throws Exception {
        String owner = UUID.randomUUID().toString();
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        CountDownLatch sealedFirst = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        CompletableFuture<SealedPersonalData> first = CompletableFuture.supplyAsync(() -> transaction.execute(t -> {
            SealedPersonalData sealed = vault.seal(owner, "Nguyễn Thị Hồng");
            sealedFirst.countDown();
            await(commitFirst);
            return sealed;
        }));
        assertThat(sealedFirst.await(10, TimeUnit.SECONDS)).isTrue();

        // The second waits on the first's uncommitted key, then must find it rather than call it forgotten.
        CompletableFuture<SealedPersonalData> second = CompletableFuture.supplyAsync(
                () -> transaction.execute(t -> vault.seal(owner, "0905123456")));
        Thread.sleep(200);
        assertThat(second).as("waits for the first transaction's key").isNotDone();
        commitFirst.countDown();

        assertThat(vault.open(first.get(10, TimeUnit.SECONDS))).contains("Nguyễn Thị Hồng");
        assertThat(vault.open(second.get(10, TimeUnit.SECONDS))).contains("0905123456");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

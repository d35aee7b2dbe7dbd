package vn.ocop.infra.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ocop.events.common.PersonalDataVault;
import vn.ocop.events.common.SealedPersonalData;
import vn.ocop.infra.ServiceTest;

class PersonalDataVaultTest extends ServiceTest {

    @Autowired
    PersonalDataVault vault;

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
}

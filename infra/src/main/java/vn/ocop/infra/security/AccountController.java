package vn.ocop.infra.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.query.common.InvalidQuery;
import vn.ocop.query.common.NotFound;
import vn.ocop.reference.AdministrativeUnits;

/** Accounts: one's own, and — for the administrator — everyone's. */
@RestController
class AccountController {

    /** A new account: its name, role and the jurisdiction the role needs. */
    record NewAccount(@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,99}") String username, @NotNull Role role,
                      String provinceCode, String districtCode, String communeCode) {
    }

    /** A change of role, jurisdiction or standing; what is not given stays. */
    record AccountChange(Role role, String provinceCode, String districtCode, String communeCode, Boolean enabled) {
    }

    record PasswordChange(@NotNull String currentPassword, @NotNull @Size(min = 12, max = 200) String newPassword) {
    }

    /** The answer that carries a one-time password: shown once, to be passed on to its owner. */
    record IssuedPassword(String username, String oneTimePassword, Account.Summary account) {
    }

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final AdministrativeUnits units;

    AccountController(Accounts accounts, PasswordEncoder encoder, AdministrativeUnits units) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.units = units;
    }

    /** Who is signed in: name, role, jurisdiction. */
    @GetMapping("/api/account")
    Account.Summary me(@AuthenticationPrincipal Account account) {
        return account.summary();
    }

    /** Changes one's own password; the current one proves it is the owner. */
    @PostMapping("/api/account/password")
    ResponseEntity<Void> changePassword(@AuthenticationPrincipal Account account,
                                        @Valid @RequestBody PasswordChange change) {
        if (!encoder.matches(change.currentPassword(), account.passwordHash())) {
            throw new InvalidQuery("currentPassword", "The current password is not right.",
                    "Mật khẩu hiện tại không đúng.");
        }
        if (change.newPassword().equals(change.currentPassword())
                || change.newPassword().toLowerCase().contains(account.username().toLowerCase())) {
            throw new InvalidQuery("newPassword", "The new password must differ from the current one and must not "
                    + "contain the account's name.",
                    "Mật khẩu mới phải khác mật khẩu hiện tại và không được chứa tên tài khoản.");
        }
        accounts.setPassword(account.username(), encoder.encode(change.newPassword()), false);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/accounts")
    List<Account.Summary> all() {
        return accounts.all().stream().map(Account::summary).toList();
    }

    /** Creates an account with a one-time password, to be changed at its first sign-in. */
    @PostMapping("/api/accounts")
    ResponseEntity<IssuedPassword> create(@Valid @RequestBody NewAccount request) {
        Jurisdiction jurisdiction = jurisdiction(request.role(), request.provinceCode(), request.districtCode(),
                request.communeCode());
        String password = BootstrapAdministrator.generate();
        Account account = new Account(request.username(), encoder.encode(password), request.role(), jurisdiction,
                true, false, true);
        if (!accounts.create(account)) {
            throw new InvalidQuery("username", "An account of this name exists.", "Tên tài khoản đã tồn tại.");
        }
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/accounts/" + request.username()))
                .body(new IssuedPassword(request.username(), password, account.summary()));
    }

    @PatchMapping("/api/accounts/{username}")
    Account.Summary change(@PathVariable String username, @RequestBody AccountChange change) {
        Account account = accounts.find(username).orElseThrow(() -> new NotFound("account"));
        Role role = change.role() == null ? account.role() : change.role();
        boolean newPlace = change.provinceCode() != null || change.districtCode() != null
                || change.communeCode() != null || change.role() != null;
        Jurisdiction jurisdiction = newPlace
                ? jurisdiction(role, change.provinceCode(), change.districtCode(), change.communeCode())
                : account.jurisdiction();
        accounts.update(username, role, jurisdiction, change.enabled() == null ? account.enabled() : change.enabled());
        return accounts.find(username).orElseThrow().summary();
    }

    /** Issues a new one-time password, to be changed at the next sign-in. */
    @PostMapping("/api/accounts/{username}/password-reset")
    IssuedPassword reset(@PathVariable String username) {
        Account account = accounts.find(username).orElseThrow(() -> new NotFound("account"));
        String password = BootstrapAdministrator.generate();
        accounts.setPassword(username, encoder.encode(password), true);
        return new IssuedPassword(username, password, accounts.find(account.username()).orElseThrow().summary());
    }

    /** The jurisdiction a role needs: a province, district or commune this deployment serves, or none. */
    private Jurisdiction jurisdiction(Role role, String provinceCode, String districtCode, String communeCode) {
        return switch (role) {
            case PROVINCE_OFFICER -> {
                if (provinceCode == null || units.province(provinceCode).isEmpty()) {
                    throw invalid("provinceCode", "a province officer acts in a province this deployment serves ("
                            + served() + ")");
                }
                yield new Jurisdiction(provinceCode, null, null);
            }
            case DISTRICT_OFFICER -> {
                AdministrativeUnits.District district = units.districts().stream()
                        .filter(d -> d.code().equals(districtCode)).findFirst()
                        .orElseThrow(() -> invalid("districtCode",
                                "a district officer needs a district-level unit of a province served"));
                yield new Jurisdiction(district.provinceCode(), district.code(), null);
            }
            case COMMUNE_OFFICER -> {
                String province = communeCode == null ? null : units.provinceOf(communeCode).orElse(null);
                if (province == null) {
                    throw invalid("communeCode", "a commune officer needs a commune of a province served");
                }
                yield new Jurisdiction(province,
                        units.districtOf(communeCode).map(AdministrativeUnits.District::code).orElse(null),
                        communeCode);
            }
            default -> Jurisdiction.NONE;
        };
    }

    private String served() {
        return units.provinces().stream().map(AdministrativeUnits.Province::code)
                .collect(Collectors.joining(", "));
    }

    private static InvalidQuery invalid(String field, String why) {
        return new InvalidQuery(field, "Wrong jurisdiction for the role: " + why + ".",
                "Phạm vi không phù hợp với vai trò: " + why + ".");
    }
}

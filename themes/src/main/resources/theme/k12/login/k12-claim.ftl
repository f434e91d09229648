<#-- "Claim My Account" (the pack's claim step, in the username step of the browser flow): first the claim policy, then
     its details. Every refusal is one message at the top (k12.claim.notVerified); only how a field was filled (empty,
     a birthdate that is no date) is said at the field. -->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "captcha.ftl" as captcha>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('k12_claim_policy','k12_claim_uid','k12_claim_grade','k12_claim_birthdate','k12_claim_psu','k12_claim_code','k12_claim_email','k12_captcha'); section>
<!-- template: k12-claim.ftl -->
    <#if section = "header">
        ${msg("k12.claim.title")}
    <#elseif section = "form">
        <#if k12ClaimPolicy??>
            <p id="k12-claim-intro" class="k12-claim-intro">${msg("k12.claim.intro." + k12ClaimPolicy)}</p>
            <form id="k12-claim-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate>
                <input type="hidden" name="k12_claim_step" value="details"/>
                <#list k12ClaimFields as name>
                    <#assign fieldName = "k12_claim_" + name>
                    <#assign error = messagesPerField.get(fieldName)>
                    <#assign label><#if name == "uid">${msg("k12.claim.field." + k12ClaimPolicy + ".uid")}<#else>${msg("k12.claim.field." + name)}</#if></#assign>
                    <#assign hinted = name == "birthdate" || name == "psu" || name == "code">
                    <#assign described = (hinted?then("k12-claim-hint-" + name, "")
                        + error?has_content?then(" input-error-" + fieldName, ""))?trim>
                    <@field.group name=fieldName label=label error=error required=true>
                        <#if hinted>
                            <p id="k12-claim-hint-${name}" class="k12-claim-hint">${msg("k12.claim.hint." + name)}</p>
                        </#if>
                        <span class="${properties.kcInputClass} <#if error?has_content>${properties.kcError}</#if>">
                            <#if name == "grade">
                                <select id="${fieldName}" name="${fieldName}" required aria-required="true"
                                        <#if error?has_content>aria-invalid="true" aria-describedby="${described}"</#if>>
                                    <option value=""></option>
                                    <#list k12ClaimGrades as grade>
                                        <option value="${grade}"<#if ((k12ClaimTyped[fieldName])!'') == grade> selected</#if>>${msg("k12.claim.grade.option", grade)}</option>
                                    </#list>
                                </select>
                            <#else>
                                <input id="${fieldName}" name="${fieldName}" type="${(name == "email")?then("email", "text")}" required aria-required="true"
                                       value="${(k12ClaimTyped[fieldName])!''}" autocomplete="${(name == "email")?then("email", "off")}" spellcheck="false"
                                       <#if name == "code">autocapitalize="characters"</#if>
                                       <#if name == "birthdate">inputmode="numeric"</#if>
                                       <#if name?index == 0 && !message?has_content>autofocus</#if>
                                       <#if described?has_content>aria-describedby="${described}"</#if>
                                       <#if error?has_content>aria-invalid="true"</#if>/>
                            </#if>
                            <@field.errorIcon error=error/>
                        </span>
                    </@field.group>
                </#list>
                <div class="${properties.kcFormGroupClass!}">
                    <@captcha.widget challenge=k12Captcha/>
                    <#assign captchaError = messagesPerField.get('k12_captcha')>
                    <#if captchaError?has_content>
                        <div class="${properties.kcInputHelperTextItemClass!} ${properties.kcError!}" id="input-error-k12_captcha" aria-live="polite">
                            <span class="${properties.kcInputErrorMessageClass!}">${captchaError}</span>
                        </div>
                    </#if>
                </div>
                <div class="${properties.kcFormGroupClass!}">
                    <button type="submit" id="k12-claim-submit" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("k12.claim.verify")}</button>
                </div>
            </form>
            <form id="k12-claim-other" action="${url.loginAction}" method="post">
                <input type="hidden" name="k12_claim_step" value="start"/>
                <button type="submit" id="k12-claim-other-policy" class="${properties.kcButtonLinkClass!'pf-v5-c-button pf-m-link'}">${msg("k12.claim.otherPolicy")}</button>
            </form>
        <#else>
            <#assign error = messagesPerField.get('k12_claim_policy')>
            <form id="k12-claim-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate>
                <input type="hidden" name="k12_claim_step" value="policy"/>
                <fieldset class="k12-claim-policies" <#if error?has_content>aria-describedby="input-error-k12_claim_policy"</#if>>
                    <legend class="${properties.kcFormLabelClass!}">${msg("k12.claim.who")}</legend>
                    <#list k12ClaimPolicies as policy>
                        <div class="k12-claim-policy">
                            <input type="radio" id="k12-claim-policy-${policy}" name="k12_claim_policy" value="${policy}"
                                   <#if policy?index == 0>autofocus</#if>/>
                            <label for="k12-claim-policy-${policy}">${msg("k12.claim.policy." + policy)}</label>
                        </div>
                    </#list>
                    <#if error?has_content>
                        <div class="${properties.kcInputHelperTextItemClass!} ${properties.kcError!}" id="input-error-k12_claim_policy" aria-live="polite">
                            <span class="${properties.kcInputErrorMessageClass!}">${error}</span>
                        </div>
                    </#if>
                </fieldset>
                <div class="${properties.kcFormGroupClass!}">
                    <button type="submit" id="k12-claim-submit" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("k12.claim.continue")}</button>
                </div>
            </form>
        </#if>
        <form id="k12-claim-cancel" action="${url.loginAction}" method="post">
            <input type="hidden" name="k12_claim_step" value="cancel"/>
            <button type="submit" id="k12-claim-back" class="${properties.kcButtonLinkClass!'pf-v5-c-button pf-m-link'}">${msg("k12.claim.back")}</button>
        </form>
    </#if>
</@layout.registrationLayout>

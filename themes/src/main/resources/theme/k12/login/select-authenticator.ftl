<#-- keycloak.v2's select-authenticator.ftl (Keycloak 26.7.0), copied because its choices were not keyboard operable:
     each was a div with role="button", tabindex="0" and only an onclick, so Tab reached it and Enter or Space did
     nothing; and it submitted document.forms[index], which counts the page's other forms too. Each choice is now a
     real submit button in its own form, its name and description inside it (issue 20, "Try another way").
     Changes are marked "k12:". -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayInfo=false; section>
<!-- template: select-authenticator.ftl -->

    <#if section = "header" || section = "show-username">
        <#if section = "header">
            ${msg("loginChooseAuthenticator")}
        </#if>
    <#elseif section = "form">

    <ul class="${properties.kcSelectAuthListClass!}" role="list">
        <#list auth.authenticationSelections as authenticationSelection>
            <li class="${properties.kcSelectAuthListItemWrapperClass!}">
                <#-- k12: one form per choice, submitted by its own button (Enter, Space, a click or a tap) -->
                <form id="kc-select-credential-form-${authenticationSelection?index}" class="${properties.kcFormClass!} k12-select-auth-form" action="${url.loginAction}" method="post">
                    <input type="hidden" name="authenticationExecution" value="${authenticationSelection.authExecId}">
                    <button type="submit" class="${properties.kcSelectAuthListItemClass!} k12-select-auth-button"
                            aria-describedby="k12-select-auth-help-${authenticationSelection?index}">
                        <span class="pf-v5-c-data-list__item-content pf-v5-u-flex-wrap-wrap">
                            <span class="${properties.kcSelectAuthListItemIconClass!}" aria-hidden="true">
                                <i class="${properties['${authenticationSelection.iconCssClass}']!authenticationSelection.iconCssClass} ${properties.kcSelectAuthListItemIconPropertyClass!}"></i>
                            </span>
                            <span class="${properties.kcSelectAuthListItemBodyClass!}">
                                <span class="${properties.kcSelectAuthListItemHeadingClass!} k12-select-auth-name">${msg('${authenticationSelection.displayName}')}</span>
                            </span>
                            <span id="k12-select-auth-help-${authenticationSelection?index}" class="${properties.kcSelectAuthListItemDescriptionClass!}">
                                ${msg('${authenticationSelection.helpText}')}
                            </span>
                        </span>
                        <span class="${properties.kcSelectAuthListItemFillClass!}" aria-hidden="true">
                            <i class="${properties.kcSelectAuthListItemArrowIconClass!}"></i>
                        </span>
                    </button>
                </form>
            </li>
        </#list>
    </ul>

    </#if>
</@layout.registrationLayout>

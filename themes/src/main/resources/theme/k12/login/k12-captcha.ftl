<#-- "I'm Not a Robot" (the pack's k12-captcha step): the widget, then Continue. A refusal is one message at the top. -->
<#import "template.ftl" as layout>
<#import "captcha.ftl" as captcha>
<@layout.registrationLayout; section>
<!-- template: k12-captcha.ftl -->
    <#if section = "header">
        ${msg("k12.captcha.title")}
    <#elseif section = "form">
        <p id="k12-captcha-intro" class="k12-captcha-intro">${msg("k12.captcha.intro")}</p>
        <form id="k12-captcha-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <@captcha.widget challenge=k12Captcha/>
            <div class="${properties.kcFormGroupClass!}">
                <button type="submit" id="k12-captcha-submit" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("k12.captcha.continue")}</button>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>

<#-- "I'm not a robot" for any page of the theme: <#import "captcha.ftl" as captcha> then, inside the page's form,
     <@captcha.widget challenge=k12Captcha/> where k12Captcha is what Captcha.challenge(session, realm, config) gave
     (org.k12id.authenticators.captcha). The widget (ALTCHA, served from vendor/altcha) posts its solution in the
     field k12_captcha; the step checks it with Captcha.verified(session, realm, value). Its texts are the theme's
     messages (k12.captcha.*), set by js/k12-captcha.js. -->
<#macro widget challenge>
    <div class="k12-captcha" id="k12-captcha"
         data-label="${msg('k12.captcha.label')}"
         data-verifying="${msg('k12.captcha.verifying')}"
         data-verified="${msg('k12.captcha.verified')}"
         data-error="${msg('k12.captcha.error')}"
         data-expired="${msg('k12.captcha.expired')}"
         data-wait-alert="${msg('k12.captcha.waitAlert')}"
         data-verification-required="${msg('k12.captcha.verificationRequired')}">
        <altcha-widget name="k12_captcha" language="k12" type="native" challenge="${challenge}"
                       configuration='{"hideFooter":true,"hideLogo":true,"humanInteractionSignature":false}'></altcha-widget>
    </div>
    <script src="${url.resourcesPath}/vendor/altcha/altcha.min.js"></script>
    <script src="${url.resourcesPath}/js/k12-captcha.js"></script>
</#macro>

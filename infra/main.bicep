// VarBot in one resource group: storage, Key Vault, monitoring, the bot host (App Service, Linux) and the Azure Bot
// with its Teams channel. Deploy with:
//   az deployment group create -g <resource group> -f infra/main.bicep -p infra/main.bicepparam
// See docs/deploy.md for the whole procedure and docs/configuration.md for every setting.
targetScope = 'resourceGroup'

@description('Azure region of the resources (the Azure Bot itself is global).')
param location string = resourceGroup().location

@description('Short name that every resource name starts with: 3-11 lowercase letters and digits.')
@minLength(3)
@maxLength(11)
param baseName string = 'varbot'

@description('Application (client) id of the bot\'s single-tenant Entra app registration (docs/deploy.md, step 2).')
@minLength(36)
@maxLength(36)
param botAppId string

@description('Tenant id of the bot\'s app registration; default: the tenant of this deployment.')
param botTenantId string = tenant().tenantId

@secure()
@description('Client secret of the bot\'s app registration; empty: keep the secret already in the vault.')
param botAppPassword string = ''

@description('Display name of the bot in Teams.')
param botDisplayName string = 'VarBot'

@allowed([
  'F0'
  'S1'
])
param botSkuName string = 'F0'

@description('App Service plan size (Always On needs B1 or higher).')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'P0v3'
  'P1v3'
])
param appServiceSkuName string = 'B1'

@description('Container image to run (docs/deploy.md, "Container image"); empty: deploy the published app to the .NET 10 stack.')
param containerImage string = ''

@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
])
param storageSkuName string = 'Standard_ZRS'

@description('Days that deleted or overwritten blobs can be restored.')
@minValue(1)
@maxValue(365)
param storageSoftDeleteDays int = 30

@description('Object id of the Entra group of operators and communications staff who run varbot with az login; empty: none.')
param operatorsGroupObjectId string = ''

@description('Days that logs and telemetry are kept.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 90

@description('SMTP server for the nieuwsbrief (Newsletter:Smtp:Host).')
param smtpHost string

@description('SMTP port; 587 with STARTTLS is usual.')
@minValue(1)
@maxValue(65535)
param smtpPort int = 587

@description('How the SMTP connection is secured (Newsletter:Smtp:Security): StartTls in production, SslOnConnect for port 465.')
@allowed([
  'StartTls'
  'SslOnConnect'
  'StartTlsWhenAvailable'
])
param smtpSecurity string = 'StartTls'

@description('SMTP user name; empty: no authentication.')
param smtpUserName string = ''

@secure()
@description('SMTP password; empty: keep the secret already in the vault.')
param smtpPassword string = ''

@secure()
@description('Newsletter link signing key, base64 of at least 32 random bytes; empty: keep the secret already in the vault.')
param newsletterSigningKey string = ''

@description('Sender address of the nieuwsbrief.')
param newsletterFromAddress string = 'nieuwsbrief@veiligheidsalliantie.nl'

@description('Compose each month\'s issue on the host and send it, once approved, on its send date (Newsletter:ScheduleEnabled).')
param newsletterScheduleEnabled bool = false

@description('Day of the month an issue goes out (1-28): the editorial rules compose from it and the scheduler sends on it (Newsletter:Editorial:SendDayOfMonth).')
@minValue(1)
@maxValue(28)
param newsletterSendDayOfMonth int = 10

@description('Object id of the Entra group whose members may use the staff console /beheer (StaffConsole:StaffGroupId); empty: any signed-in user of the tenant.')
param staffGroupObjectId string = ''

@description('Client id of the app registration for the staff console sign-in (AzureAd:ClientId); empty: /beheer has no sign-in in Production.')
param staffConsoleClientId string = ''

@secure()
@description('Client secret of that app registration; empty: keep the secret already in the vault.')
param staffConsoleClientSecret string = ''

@description('More app settings, e.g. { "Logging__LogLevel__Default": "Warning" }; they win over the ones set here.')
param extraAppSettings object = {}

param tags object = {
  application: 'VarBot'
  owner: 'VeiligheidsAlliantie regio Rotterdam'
}

var suffix = uniqueString(resourceGroup().id, baseName)
var storageAccountName = take('${baseName}${suffix}', 24)
var vaultName = take('${baseName}-kv-${suffix}', 24)
var webAppName = '${baseName}-${suffix}'
var containerName = 'varbot'
var secretNames = {
  botAppPassword: 'bot-app-password'
  smtpPassword: 'smtp-password'
  newsletterSigningKey: 'newsletter-signing-key'
  staffConsoleClientSecret: 'staff-console-client-secret'
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'varbot-monitoring'
  params: {
    location: location
    workspaceName: '${baseName}-logs-${suffix}'
    appInsightsName: '${baseName}-insights-${suffix}'
    retentionInDays: logRetentionDays
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'varbot-storage'
  params: {
    location: location
    accountName: storageAccountName
    containerName: containerName
    skuName: storageSkuName
    allowSharedKeyAccess: false
    softDeleteDays: storageSoftDeleteDays
    operatorsPrincipalId: operatorsGroupObjectId
    operatorsPrincipalType: 'Group'
    tags: tags
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'varbot-keyvault'
  params: {
    location: location
    vaultName: vaultName
    secretNames: secretNames
    botAppPassword: botAppPassword
    smtpPassword: smtpPassword
    newsletterSigningKey: newsletterSigningKey
    staffConsoleClientSecret: staffConsoleClientSecret
    tags: tags
  }
}

module webApp 'modules/webapp.bicep' = {
  name: 'varbot-webapp'
  params: {
    location: location
    planName: '${baseName}-plan-${suffix}'
    webAppName: webAppName
    skuName: appServiceSkuName
    containerImage: containerImage
    storageAccountName: storageAccountName
    vaultName: vaultName
    tags: tags
  }
  // The role assignments inside need the account and the vault to exist.
  dependsOn: [
    storage
    vault
  ]
}

var publicBaseUrl = 'https://${webApp.outputs.defaultHostName}'

// Every key below is a row of docs/configuration.md ('__' stands for ':').
var appSettings = union(
  {
    ASPNETCORE_ENVIRONMENT: 'Production'
    ASPNETCORE_URLS: 'http://+:8080'
    WEBSITES_PORT: '8080'
    APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.appInsightsConnectionString
    OTEL_SERVICE_NAME: 'varbot'
    Storage__ServiceUri: storage.outputs.blobEndpoint
    Storage__Container: containerName
    Bot__MicrosoftAppId: botAppId
    Bot__MicrosoftAppTenantId: botTenantId
    Bot__MicrosoftAppPassword: '@Microsoft.KeyVault(VaultName=${vaultName};SecretName=${secretNames.botAppPassword})'
    VarBot__PublicBaseUrl: publicBaseUrl
    Newsletter__PublicBaseUrl: publicBaseUrl
    Newsletter__SigningKey: '@Microsoft.KeyVault(VaultName=${vaultName};SecretName=${secretNames.newsletterSigningKey})'
    Newsletter__FromAddress: newsletterFromAddress
    Newsletter__ScheduleEnabled: string(newsletterScheduleEnabled)
    Newsletter__Editorial__SendDayOfMonth: string(newsletterSendDayOfMonth)
    Newsletter__Smtp__Host: smtpHost
    Newsletter__Smtp__Port: string(smtpPort)
    Newsletter__Smtp__Security: smtpSecurity
    Newsletter__Smtp__UserName: smtpUserName
    Newsletter__Smtp__Password: '@Microsoft.KeyVault(VaultName=${vaultName};SecretName=${secretNames.smtpPassword})'
    StaffConsole__StaffGroupId: staffGroupObjectId
    AzureAd__Instance: environment().authentication.loginEndpoint
    AzureAd__TenantId: tenant().tenantId
    AzureAd__ClientId: staffConsoleClientId
    AzureAd__ClientSecret: '@Microsoft.KeyVault(VaultName=${vaultName};SecretName=${secretNames.staffConsoleClientSecret})'
  },
  extraAppSettings
)

resource site 'Microsoft.Web/sites@2023-12-01' existing = {
  name: webAppName
}

// Applied after the web app module (it uses its outputs), so after its role assignments: the Key Vault references
// resolve at the first start.
resource siteSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'appsettings'
  properties: appSettings
}

module bot 'modules/bot.bicep' = {
  name: 'varbot-bot'
  params: {
    botName: '${baseName}-bot-${suffix}'
    displayName: botDisplayName
    appId: botAppId
    tenantId: botTenantId
    messagingEndpoint: '${publicBaseUrl}/api/messages'
    skuName: botSkuName
    tags: tags
  }
}

output webAppName string = webApp.outputs.webAppName

output publicBaseUrl string = publicBaseUrl

output messagingEndpoint string = '${publicBaseUrl}/api/messages'

output storageAccountName string = storage.outputs.accountName

@description('Storage:ServiceUri for varbot publish/rollback with az login (VARBOT_STORAGE__SERVICEURI).')
output storageBlobEndpoint string = storage.outputs.blobEndpoint

output keyVaultName string = vault.outputs.vaultName

output appInsightsName string = monitoring.outputs.appInsightsName

output botName string = bot.outputs.botName

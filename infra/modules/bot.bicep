// The Azure Bot resource (single-tenant Entra app registration) with the Microsoft Teams channel.

@description('Name of the Azure Bot resource (also its handle).')
param botName string

@description('Display name shown in Teams.')
param displayName string

@description('Application (client) id of the bot\'s single-tenant Entra app registration.')
param appId string

@description('Tenant id of that app registration.')
param tenantId string

@description('Messaging endpoint: https://<web app>/api/messages.')
param messagingEndpoint string

@description('F0 (free, standard channels such as Teams) or S1.')
@allowed([
  'F0'
  'S1'
])
param skuName string

param tags object

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: skuName
  }
  properties: {
    displayName: displayName
    endpoint: messagingEndpoint
    msaAppId: appId
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenantId
    disableLocalAuth: false
    isStreamingSupported: false
    publicNetworkAccess: 'Enabled'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

output botName string = bot.name

output teamsChannelName string = teams.name
